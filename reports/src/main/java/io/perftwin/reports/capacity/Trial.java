package io.perftwin.reports.capacity;

import io.perftwin.reports.SloResult;
import java.util.List;
import java.util.Objects;

/**
 * One trial of a capacity study: load held at one level after a warm-up, then judged.
 *
 * @param level what was asked: the offered rate per second (open model) or the users (closed)
 * @param offeredRate arrivals per second the measured phase scheduled (or the users sent)
 * @param achievedRate completed requests per second of measured time
 * @param throughput successful responses per second of measured time
 * @param latencyP50Ms median response time from the intended start, ms
 * @param latencyP99Ms p99 response time from the intended start, ms
 * @param meanLatencyMs mean response time, ms (with the throughput, Little's law gives the concurrency)
 * @param scheduleLagP99Ms p99 of dispatch time minus intended time, ms
 * @param errors failed requests in the measured phase
 * @param scheduleHeld whether the generator kept its schedule (lag p99 within
 *     {@code load.maxScheduleLag}); always true for closed-model trials
 * @param outcome the judgement
 * @param reasons why it did not pass, one line each; empty for a pass
 * @param slos each objective's outcome
 */
public record Trial(
    double level,
    double offeredRate,
    double achievedRate,
    double throughput,
    double latencyP50Ms,
    double latencyP99Ms,
    double meanLatencyMs,
    double scheduleLagP99Ms,
    long errors,
    boolean scheduleHeld,
    TrialOutcome outcome,
    List<String> reasons,
    List<SloResult> slos) {

  public Trial {
    Objects.requireNonNull(outcome, "outcome");
    reasons = List.copyOf(reasons);
    slos = List.copyOf(slos);
  }

  public boolean passed() {
    return outcome == TrialOutcome.PASS;
  }

  /**
   * Whether the trial should be run again before the search relies on it: it could not be judged
   * (generator-bound, invalid), or it failed while the generator was also behind schedule (a
   * stall of the whole machine looks like both at once).
   */
  public boolean contested() {
    return !outcome.conclusive() || (!passed() && !scheduleHeld);
  }
}
