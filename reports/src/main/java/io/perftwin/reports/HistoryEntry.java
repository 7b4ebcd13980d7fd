package io.perftwin.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run in the history of a runs folder.
 *
 * @param runId the run folder's name
 * @param scenario scenario name
 * @param startTime ISO-8601 start of the run, or null if unknown
 * @param outcome {@code completed}, {@code interrupted}, {@code failed: …} or {@code running}
 * @param verdict {@code pass}, {@code fail}, {@code invalid}, or null when the run has no summary
 * @param metrics figures of all requests together from summary.json: {@link #METRICS}; NaN when absent
 */
public record HistoryEntry(String runId, String scenario, String startTime, String outcome, String verdict,
    Map<String, Double> metrics) {

  /** The metrics kept per run: latency (ms) of all requests together, throughput (/s), error ratio. */
  public static final List<String> METRICS =
      List.of("p50", "p90", "p99", "p99.9", "max", "mean", "throughput", "errorRatio");

  public HistoryEntry {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(scenario, "scenario");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** A metric's value, NaN when absent. */
  public double metric(String name) {
    Double v = metrics.get(name);
    return v == null ? Double.NaN : v;
  }
}
