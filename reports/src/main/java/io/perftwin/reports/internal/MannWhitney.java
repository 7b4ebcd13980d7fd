package io.perftwin.reports.internal;

/**
 * The Mann–Whitney U test on two histograms, exact on their buckets: values in one bucket are
 * ties. Normal approximation with the tie correction of the variance and a continuity correction,
 * which is accurate at the sample sizes a gate accepts (at least 1,000 requests a side).
 */
public final class MannWhitney {
  private MannWhitney() {}

  /**
   * @param u U of the candidate: pairs (baseline, candidate) where the candidate is slower, ties half
   * @param z standardized U
   * @param pValue two-sided p-value
   * @param probabilitySlower {@code u / (n1 n2)}
   */
  public record Result(double u, double z, double pValue, double probabilitySlower) {}

  public static Result test(SparseCounts baseline, SparseCounts candidate) {
    double n1 = baseline.total();
    double n2 = candidate.total();
    if (n1 == 0 || n2 == 0) {
      return new Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double u = 0;
    double baselineBelow = 0;
    double ties = 0;
    int i = 0;
    int j = 0;
    while (i < baseline.size() || j < candidate.size()) {
      long v;
      if (j == candidate.size() || (i < baseline.size() && baseline.value(i) <= candidate.value(j))) {
        v = baseline.value(i);
      } else {
        v = candidate.value(j);
      }
      double a = 0;
      double b = 0;
      if (i < baseline.size() && baseline.value(i) == v) {
        a = baseline.count(i++);
      }
      if (j < candidate.size() && candidate.value(j) == v) {
        b = candidate.count(j++);
      }
      u += b * (baselineBelow + a / 2);
      baselineBelow += a;
      double t = a + b;
      ties += t * t * t - t;
    }
    double n = n1 + n2;
    double mean = n1 * n2 / 2;
    double variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)));
    double z;
    if (variance <= 0) {
      z = 0; // every value tied: no evidence either way
    } else {
      double d = u - mean;
      double corrected = Math.signum(d) * Math.max(0, Math.abs(d) - 0.5);
      z = corrected / Math.sqrt(variance);
    }
    return new Result(u, z, Normal.twoSidedP(z), u / (n1 * n2));
  }
}
