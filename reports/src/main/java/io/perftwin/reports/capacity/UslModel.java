package io.perftwin.reports.capacity;

/**
 * Gunther's Universal Scalability Law: {@code X(N) = λN / (1 + σ(N−1) + κN(N−1))}.
 *
 * @param sigma contention (serial fraction), 0 ≤ σ ≤ 1
 * @param kappa coherency (crosstalk) cost, κ ≥ 0
 * @param lambda throughput of one unit of load without contention (ideal slope)
 */
public record UslModel(double sigma, double kappa, double lambda) {

  /** The modelled throughput at load {@code n}. */
  public double throughput(double n) {
    return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
  }

  /**
   * The load of peak throughput, {@code N* = √((1−σ)/κ)}; infinite when κ = 0 (no retrograde
   * region: throughput only approaches {@code λ/σ}).
   */
  public double peakLoad() {
    return kappa > 0 ? Math.sqrt((1 - sigma) / kappa) : Double.POSITIVE_INFINITY;
  }

  /** The modelled throughput at {@link #peakLoad()}; {@code λ/σ} (or infinite) when κ = 0. */
  public double peakThroughput() {
    double n = peakLoad();
    if (Double.isInfinite(n)) {
      return sigma > 0 ? lambda / sigma : Double.POSITIVE_INFINITY;
    }
    return throughput(n);
  }

  /** ∂X/∂(σ, κ, λ) at load {@code n}. */
  double[] gradient(double n) {
    double d = 1 + sigma * (n - 1) + kappa * n * (n - 1);
    double x = lambda * n / d;
    return new double[] {-x * (n - 1) / d, -x * n * (n - 1) / d, n / d};
  }
}
