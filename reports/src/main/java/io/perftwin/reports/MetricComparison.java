package io.perftwin.reports;

import java.util.Objects;

/**
 * One compared metric of one request name (or {@code all}).
 *
 * @param request request name, or {@value SloEvaluator#ALL}
 * @param metric {@code p50}, {@code p90}, {@code p99}, {@code p99.9}, or {@value #MANN_WHITNEY} for
 *     the rank test of the whole distribution
 * @param baselineMs the baseline's value (for the rank test: its median), ms; NaN if none
 * @param candidateMs the candidate's value (for the rank test: its median), ms; NaN if none
 * @param change relative change, {@code candidate / baseline − 1}; NaN if unknown
 * @param changeLow lower end of the bootstrap confidence interval of {@code change}; NaN for the rank test
 * @param changeHigh upper end of that interval; NaN for the rank test
 * @param pValue two-sided p-value of the Mann–Whitney U test; NaN for percentiles
 * @param probabilitySlower for the rank test: the probability that a candidate request is slower
 *     than a baseline request (ties count half), U / (n₁n₂); NaN for percentiles
 * @param verdict the verdict
 * @param reason one sentence on why, for "unknown" and for people
 */
public record MetricComparison(
    String request,
    String metric,
    double baselineMs,
    double candidateMs,
    double change,
    double changeLow,
    double changeHigh,
    double pValue,
    double probabilitySlower,
    ChangeVerdict verdict,
    String reason) {

  /** The metric name of the rank test row. */
  public static final String MANN_WHITNEY = "mannWhitneyU";

  public MetricComparison {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code all p99} or {@code checkout Mann–Whitney U}, for test-case names and tables. */
  public String label() {
    return request + " " + (MANN_WHITNEY.equals(metric) ? "Mann\u2013Whitney U" : metric);
  }
}
