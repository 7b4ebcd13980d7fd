package io.perftwin.reports;

/**
 * How a run is compared with its baseline; {@link #DEFAULT} holds every default in one place.
 *
 * @param minEffect smallest relative change that matters, e.g. 0.05: a change smaller than this
 *     is "same" however significant it is
 * @param confidence level of the bootstrap confidence interval of each relative change, e.g. 0.95
 * @param resamples bootstrap resamples per side and request name
 * @param seed seed of the resampling, so a comparison is repeatable
 * @param alpha significance level of the Mann–Whitney U test (two-sided)
 * @param minRequests fewer completed requests than this on either side gives "unknown"
 * @param minIntervals fewer measured 1-second intervals than this on either side gives "unknown"
 * @param minTailSamples a percentile p needs at least this many requests above it on each side
 *     ({@code count × (1 − p) ≥ minTailSamples}), else "unknown": p99.9 needs 10,000 requests
 */
public record ComparisonSettings(
    double minEffect,
    double confidence,
    int resamples,
    long seed,
    double alpha,
    long minRequests,
    int minIntervals,
    double minTailSamples) {

  public static final ComparisonSettings DEFAULT = new ComparisonSettings(0.05, 0.95, 1000, 1L, 0.01, 1000, 5, 10);

  public ComparisonSettings {
    if (!(minEffect >= 0 && minEffect < 10)) {
      throw new IllegalArgumentException("minimum effect must be between 0% and 1000%, got " + minEffect);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
    }
    if (resamples < 100) {
      throw new IllegalArgumentException("resamples must be at least 100, got " + resamples);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
    }
  }

  public ComparisonSettings withMinEffect(double newMinEffect) {
    return new ComparisonSettings(newMinEffect, confidence, resamples, seed, alpha, minRequests, minIntervals, minTailSamples);
  }
}
