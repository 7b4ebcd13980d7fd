package io.perftwin.reports;

import java.util.Objects;

/**
 * One service-level objective, e.g. {@code checkout.p99.9 < 200ms}.
 *
 * @param text the objective as the user wrote it, used verbatim in every report
 * @param scope a request name, or {@code null} for all requests together
 * @param metric what is measured
 * @param percentile for {@link Metric#PERCENTILE}: the percentile, 0 &lt; p &lt; 100 (99.9 for p99.9); NaN otherwise
 * @param comparison how the actual value must compare with the threshold to pass
 * @param threshold latency in milliseconds, error ratio (0.001 for 0.1%), or requests per second
 */
public record Slo(String text, String scope, Metric metric, double percentile, Comparison comparison, double threshold) {

  public Slo {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(comparison, "comparison");
  }

  /** What an SLO measures. */
  public enum Metric {
    /** A response-time percentile, milliseconds. */
    PERCENTILE,
    /** Mean response time, milliseconds. */
    MEAN,
    /** Maximum response time, milliseconds. */
    MAX,
    /** Failed requests / completed requests, a ratio. */
    ERRORS,
    /** Successful responses per second of measured time. */
    THROUGHPUT
  }

  /** The comparison an SLO requires. */
  public enum Comparison {
    LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** Whether {@code actual} meets the objective; NaN never does. */
    public boolean holds(double actual, double threshold) {
      if (Double.isNaN(actual)) {
        return false;
      }
      return switch (this) {
        case LT -> actual < threshold;
        case LE -> actual <= threshold;
        case GT -> actual > threshold;
        case GE -> actual >= threshold;
      };
    }
  }
}
