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
 * @param window for an objective per time window ({@code p99 < 200ms in 95% of 1m windows}): the
 *     window length and the share of windows that must meet it; {@code null} for the whole
 *     measured time
 */
public record Slo(String text, String scope, Metric metric, double percentile, Comparison comparison, double threshold,
    Window window) {

  public Slo {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(comparison, "comparison");
  }

  /** An objective over the whole measured time. */
  public Slo(String text, String scope, Metric metric, double percentile, Comparison comparison, double threshold) {
    this(text, scope, metric, percentile, comparison, threshold, null);
  }

  /** This objective, met in at least {@code window.fraction()} of the windows of {@code window.seconds()}. */
  public Slo inWindows(String fullText, Window w) {
    return new Slo(fullText, scope, metric, percentile, comparison, threshold, w);
  }

  /**
   * Time windows of an objective (OpenSLO's "timeslices"): the measured time is cut into
   * consecutive windows of {@code seconds} from the start of the first measured interval; the
   * objective is evaluated in each window that has completed requests, and must hold in at least
   * {@code fraction} of them.
   *
   * @param seconds window length, a whole number of 1-second intervals, at least 1
   * @param fraction share of windows, 0 &lt; fraction ≤ 1
   */
  public record Window(double seconds, double fraction) {
    public Window {
      if (!(seconds >= 1)) {
        throw new IllegalArgumentException("a window must be at least 1 s long, got " + seconds + " s");
      }
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("the share of windows must be above 0% and at most 100%, got " + fraction);
      }
    }
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
