package io.perftwin.loadgen.results;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one phase measured, exactly: every request whose intended start fell in the phase.
 *
 * @param name phase name
 * @param warmup whether it is a warm-up phase (excluded from the run's figures and verdict)
 * @param startSeconds phase start, seconds since the run start
 * @param durationSeconds planned phase length
 * @param load the phase's load shape, e.g. {@code constantRate 500/s}
 * @param offeredRate arrivals the phase scheduled per second (open shapes), or what its users sent
 * @param requests stats per request name
 * @param scheduleLag dispatch time minus intended time, nanoseconds
 */
public record PhaseResult(
    String name,
    boolean warmup,
    double startSeconds,
    double durationSeconds,
    String load,
    double offeredRate,
    Map<String, RequestStats> requests,
    Histogram scheduleLag) {

  public PhaseResult {
    requests = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requests));
  }

  /** All request names of the phase together. */
  public RequestStats all() {
    return RequestStats.sum(new java.util.ArrayList<>(requests.values()));
  }

  /** Completions per second of the phase. */
  public double achievedRate() {
    return durationSeconds > 0 ? all().count() / durationSeconds : 0;
  }
}
