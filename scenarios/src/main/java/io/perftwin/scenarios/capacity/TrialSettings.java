package io.perftwin.scenarios.capacity;

import java.time.Duration;

/**
 * How each trial of a study is run. Defaults: {@link #DEFAULT_WARMUP} warm-up,
 * {@link #DEFAULT_MEASURED} measured, request timeout at most {@link #MAX_REQUEST_TIMEOUT}.
 *
 * @param warmup warm-up at the trial's load before measuring
 * @param measured measured time at the trial's load
 */
public record TrialSettings(Duration warmup, Duration measured) {
  /** Warm-up of each trial unless {@code --warmup} says otherwise. */
  public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
  /** Measured time of each trial unless {@code --trial-duration} says otherwise. */
  public static final Duration DEFAULT_MEASURED = Duration.ofSeconds(5);
  /**
   * Request timeout of a trial: the scenario's {@code load.timeout}, capped here so that an
   * overloaded trial's backlog drains in seconds; a request this slow misses any sensible latency
   * objective anyway.
   */
  public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(2);
  /** How long to wait for the target's queues to empty between trials. */
  public static final Duration MAX_IDLE_WAIT = Duration.ofSeconds(15);

  public TrialSettings {
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("--warmup must be 0s or more, got " + warmup);
    }
    if (measured.isNegative() || measured.isZero() || measured.toMillis() < 1000) {
      throw new IllegalArgumentException("--trial-duration must be at least 1s, got " + measured);
    }
  }
}
