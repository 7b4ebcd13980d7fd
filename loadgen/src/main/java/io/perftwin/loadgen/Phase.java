package io.perftwin.loadgen;

import java.time.Duration;
import java.util.Objects;

/**
 * One phase of a load plan. Phases run one after another. Requests whose intended start falls in
 * a warm-up phase are recorded (and written to the latency log under a {@code warmup/} tag) but
 * are not part of the measured results or the verdict.
 */
public record Phase(String name, Duration duration, LoadShape shape, boolean warmup) {
  public Phase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("phase '" + name + "': duration must be > 0, was " + duration);
    }
  }
}
