package io.perftwin.reports;

import java.util.Objects;

/**
 * The outcome of one {@link Slo} on one run.
 *
 * @param slo the objective
 * @param scope {@value SloEvaluator#ALL} for all requests together, otherwise the request name
 * @param actual the measured value in the unit of {@link #unit()}: milliseconds, a ratio (0.001
 *     for 0.1%) or successful responses per second; NaN when nothing was measured
 * @param pass whether {@code actual} meets the objective; never true when {@code actual} is NaN
 */
public record SloResult(Slo slo, String scope, double actual, boolean pass) {

  public SloResult {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(scope, "scope");
  }

  /** The unit of {@link #actual()} and of the threshold: {@code ms}, {@code ratio} or {@code /s}. */
  public String unit() {
    return unit(slo.metric());
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
