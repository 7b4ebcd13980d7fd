package io.perftwin.loadgen;

/**
 * A pure sequence of intended fire times, in nanoseconds relative to the start of the phase.
 * Implementations are deterministic (seeded where random) and touch no clock, so they can be
 * tested without a server: count the fire times, check their spacing, test their distribution.
 */
public interface ArrivalSchedule {
  /** Returned by {@link #nextFireTimeNanos()} once the schedule is exhausted. */
  long END = Long.MAX_VALUE;

  /**
   * The next intended fire time, non-decreasing from call to call, or {@link #END} when the
   * phase has no more arrivals.
   */
  long nextFireTimeNanos();
}
