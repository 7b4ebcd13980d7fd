package io.perftwin.loadgen.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a run measured, the input of every report. Measured phases only (warm-up excluded),
 * except {@link #timeline()} which covers the whole run.
 *
 * @param start wall-clock start of the first phase
 * @param end wall-clock end of the run (after in-flight requests drained)
 * @param measuredSeconds planned length of the measured phases
 * @param offeredRate arrivals the measured phases scheduled, per second of measured time
 * @param requests stats per request name, in the order of the plan
 * @param scheduleLag dispatch time minus intended time, nanoseconds, measured phases
 * @param timeline one point per reporting interval
 * @param invalidReasons why the run cannot be trusted (empty when it can)
 * @param phases every phase, warm-up included, exactly; empty for runs read back from a folder
 *     (the latency log merges measured phases)
 */
public record MeasuredRun(
    Instant start,
    Instant end,
    double measuredSeconds,
    double offeredRate,
    Map<String, RequestStats> requests,
    Histogram scheduleLag,
    List<IntervalPoint> timeline,
    List<String> invalidReasons,
    List<PhaseResult> phases) {

  public MeasuredRun {
    requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    timeline = List.copyOf(timeline);
    invalidReasons = List.copyOf(invalidReasons);
    phases = List.copyOf(phases);
  }

  /** A run without per-phase results (read back from a run folder, or built by tests). */
  public MeasuredRun(Instant start, Instant end, double measuredSeconds, double offeredRate,
      Map<String, RequestStats> requests, Histogram scheduleLag, List<IntervalPoint> timeline, List<String> invalidReasons) {
    this(start, end, measuredSeconds, offeredRate, requests, scheduleLag, timeline, invalidReasons, List.of());
  }

  /** All request names together. */
  public RequestStats all() {
    return RequestStats.sum(new ArrayList<>(requests.values()));
  }

  public boolean valid() {
    return invalidReasons.isEmpty();
  }

  /** Completions per second of measured time (successes and errors). */
  public double achievedRate(RequestStats stats) {
    return measuredSeconds > 0 ? stats.count() / measuredSeconds : 0;
  }

  /** Successful responses per second of measured time. */
  public double throughput(RequestStats stats) {
    return measuredSeconds > 0 ? stats.successes() / measuredSeconds : 0;
  }
}
