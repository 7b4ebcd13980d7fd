package io.perftwin.shaping.proxy.internal;

import java.util.SplittableRandom;

/**
 * Per-chunk delay with netem's meaning of delay, jitter, distribution and correlation.
 *
 * <p>netem draws a uniform random number, correlates it with the previous one
 * ({@code u = (1 − ρ)·u + ρ·previous}), and maps it through the inverse distribution function
 * stored in its table: {@code delay = latency + jitter · table(u)}. This class computes the same
 * inverse functions analytically instead of from the 4,096-entry tables iproute2 ships:
 * <ul>
 *   <li>{@code uniform} (netem without a table): {@code 2u − 1}, so delay is uniform on latency ± jitter;
 *   <li>{@code normal}: the standard normal quantile, clamped to ±4 like the table;
 *   <li>{@code pareto}: Pareto with shape 3 and scale 1 shifted and scaled as iproute2's
 *       generator does, {@code ((1 − u)^(−1/3) − 1.5) · 4/3}, at most 4;
 *   <li>{@code paretonormal}: {@code (normal(u) + 3 · pareto(u)) / 4}, the mix iproute2 tabulates.
 * </ul>
 * A negative result is clamped to 0. As in netem, correlation narrows the spread of the samples.
 */
public final class DelayDistribution {
  /** netem tables hold int16 values scaled by 8192: nothing beyond ±32767/8192. */
  private static final double TABLE_LIMIT = 32767.0 / 8192.0;

  private final long latencyNanos;
  private final long jitterNanos;
  private final String distribution;
  private final double correlation;
  private final SplittableRandom random;
  private double previous;

  public DelayDistribution(long latencyNanos, long jitterNanos, String distribution, double correlation,
      SplittableRandom random) {
    this.latencyNanos = latencyNanos;
    this.jitterNanos = jitterNanos;
    this.distribution = distribution;
    this.correlation = correlation;
    this.random = random;
    this.previous = random.nextDouble();
  }

  /** The next delay sample. */
  public long nextNanos() {
    if (jitterNanos == 0) {
      return latencyNanos;
    }
    double u = random.nextDouble();
    if (correlation > 0) {
      u = (1 - correlation) * u + correlation * previous;
      previous = u;
    }
    return quantileNanos(u);
  }

  /** The delay at cumulative probability {@code p} (0–1) of the uncorrelated distribution. */
  public long quantileNanos(double p) {
    if (jitterNanos == 0) {
      return latencyNanos;
    }
    double x = standardQuantile(distribution, p);
    return Math.max(0, Math.round(latencyNanos + jitterNanos * x));
  }

  /** The table value at cumulative probability {@code p}: delay = latency + jitter × this. */
  public static double standardQuantile(String distribution, double p) {
    return switch (distribution) {
      case "uniform" -> 2 * p - 1;
      case "normal" -> normal(p);
      case "pareto" -> pareto(p);
      case "paretonormal" -> (normal(p) + 3 * pareto(p)) / 4;
      default -> throw new IllegalArgumentException("distribution must be uniform, normal, pareto or paretonormal, was "
          + distribution);
    };
  }

  private static double normal(double p) {
    return clamp(inverseNormal(p));
  }

  private static double pareto(double p) {
    double tail = Math.max(1 - p, 1e-12);
    return clamp((Math.pow(tail, -1.0 / 3.0) - 1.5) * 4.0 / 3.0);
  }

  private static double clamp(double x) {
    return Math.max(-TABLE_LIMIT, Math.min(TABLE_LIMIT, x));
  }

  /**
   * Standard normal quantile by Acklam's rational approximation (relative error below 1.2e-9),
   * ample for delays in nanoseconds.
   */
  static double inverseNormal(double p) {
    if (p <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
