package io.perftwin.reports;

import java.util.Objects;

/**
 * The outcome of one {@link Slo} on one run.
 *
 * @param slo the objective
 * @param scope {@value SloEvaluator#ALL} for all requests together, otherwise the request name
 * @param actual the measured value in the unit of {@link #unit()}: milliseconds, a ratio (0.001
 *     for 0.1%) or successful responses per second, or for an objective per time window the share
 *     of windows that met it; NaN when nothing was measured
 * @param pass whether {@code actual} meets the objective; never true when {@code actual} is NaN
 * @param windows for an objective per time window: windows evaluated (those with completed
 *     requests; for throughput every window); 0 otherwise
 * @param windowsMet of those, windows that met the objective
 */
public record SloResult(Slo slo, String scope, double actual, boolean pass, int windows, int windowsMet) {

  public SloResult {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(scope, "scope");
  }

  /** The result of an objective over the whole measured time. */
  public SloResult(Slo slo, String scope, double actual, boolean pass) {
    this(slo, scope, actual, pass, 0, 0);
  }

  /**
   * The unit of {@link #actual()} and of the threshold: {@code ms}, {@code ratio} or {@code /s};
   * for an objective per time window {@code ratio}: the share of windows that met it.
   */
  public String unit() {
    return slo.window() != null ? "ratio" : unit(slo.metric());
  }

  /** The unit in which a metric is measured and its threshold written in summary.json. */
  public static String unit(Slo.Metric metric) {
    return switch (metric) {
      case PERCENTILE, MEAN, MAX -> "ms";
      case ERRORS -> "ratio";
      case THROUGHPUT -> "/s";
    };
  }
}
