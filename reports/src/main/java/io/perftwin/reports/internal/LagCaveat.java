package io.perftwin.reports.internal;

import io.perftwin.reports.RunSummary;

/**
 * The caveat of a valid run whose generator lagged: requests left up to its schedule lag late.
 * Response times stay honest (they are measured from the intended start), but the load arrived
 * less evenly than planned and latencies below the lag cannot be told apart from it. Shown when
 * the schedule lag p99 is above {@link #THRESHOLD_MS} (docs/decisions.md, entry 15); an invalid
 * run has its own, stronger caveat instead.
 */
public final class LagCaveat {
  private LagCaveat() {}

  /** Schedule lag p99 above which a valid run carries the caveat, milliseconds. */
  public static final double THRESHOLD_MS = 1.0;

  /** The caveat, or {@code null} when the run is invalid or its lag p99 is at most the threshold. */
  public static String text(RunSummary s) {
    RunSummary.Generator g = s.generator();
    double p99 = g.scheduleLagMs().p99();
    if (!g.valid() || !(p99 > THRESHOLD_MS)) {
      return null;
    }
    return "The generator's schedule lag p99 was " + Figures.millis(p99) + " ms (above "
        + Figures.millis(THRESHOLD_MS) + " ms): 1% of requests left more than that late. Response times are still"
        + " measured from the intended start, but latencies below " + Figures.millis(p99)
        + " ms are not resolvable in this run, and the load arrived less evenly than planned.";
  }
}
