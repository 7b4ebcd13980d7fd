package io.perftwin.loadgen;

import java.time.Duration;

/**
 * An open workload model: arrivals follow a schedule fixed in advance, whatever the target does.
 *
 * <p>Every shape can be split into shares, one per event loop. For the deterministic shapes
 * ({@link ConstantRate}, {@link RampRate}, {@link StepRate}) share {@code k} of {@code n} takes
 * the arrivals {@code k, k+n, k+2n, …} of the whole schedule, so the union of the shares is
 * exactly the whole schedule. {@link PoissonRate} gives each share an independent Poisson process
 * of {@code rate / n}; their superposition is a Poisson process of the full rate.
 */
public sealed interface OpenShape extends LoadShape permits ConstantRate, RampRate, StepRate, PoissonRate {

  /**
   * The schedule for one share of this phase's arrivals. The generator splits the load over
   * {@code shares} event loops; the union of the schedules of shares {@code 0 … shares-1} is the
   * schedule of the whole phase.
   *
   * @param duration the phase duration; no fire time is at or after it
   * @param share the index of this share, {@code 0 <= share < shares}
   * @param shares how many shares the phase is split into
   * @param seed seed for random shapes; shapes that are not random ignore it
   * @throws IllegalArgumentException if {@code share} is not in {@code [0, shares)} or the
   *     duration is not positive
   */
  ArrivalSchedule schedule(Duration duration, int share, int shares, long seed);

  /**
   * Number of arrivals over a phase of the given duration, all shares together: exactly the number
   * the schedules produce for the deterministic shapes, the expected value (rate × duration) for
   * {@link PoissonRate}.
   */
  double expectedArrivals(Duration duration);
}
