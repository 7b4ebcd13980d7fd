package io.perftwin.loadgen;

import java.time.Duration;

/**
 * An open workload model: arrivals follow a schedule fixed in advance, whatever the target does.
 */
public sealed interface OpenShape extends LoadShape permits ConstantRate {

  /**
   * The schedule for one share of this phase's arrivals. The generator splits the load over
   * {@code shares} event loops; the union of the schedules of shares {@code 0 … shares-1} is the
   * schedule of the whole phase.
   *
   * @param duration the phase duration; no fire time is at or after it
   * @param share the index of this share, {@code 0 <= share < shares}
   * @param shares how many shares the phase is split into
   * @param seed seed for random shapes; shapes that are not random ignore it
   */
  ArrivalSchedule schedule(Duration duration, int share, int shares, long seed);

  /** Expected number of arrivals over a phase of the given duration (all shares together). */
  double expectedArrivals(Duration duration);
}
