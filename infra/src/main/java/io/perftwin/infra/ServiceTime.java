package io.perftwin.infra;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/** How long the demo service holds a worker for one request. */
public sealed interface ServiceTime permits ServiceTime.Constant, ServiceTime.Exponential {

  /** One sample, nanoseconds. */
  long sampleNanos(SplittableRandom random);

  /** The mean; the saturation throughput of the service is {@code workers / mean}. */
  Duration mean();

  /** The form it is written in: {@code constant(2ms)}, {@code exponential(2ms)}. */
  String describe();

  /** Every request takes exactly {@code value}. */
  record Constant(Duration value) implements ServiceTime {
    public Constant {
      Objects.requireNonNull(value, "value");
      if (value.isNegative()) {
        throw new IllegalArgumentException("service time must be >= 0, was " + value);
      }
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return value.toNanos();
    }

    @Override
    public Duration mean() {
      return value;
    }

    @Override
    public String describe() {
      return "constant(" + DemoDurations.format(value) + ")";
    }
  }

  /** Exponentially distributed with the given mean (an M/M/c server). */
  record Exponential(Duration mean) implements ServiceTime {
    public Exponential {
      Objects.requireNonNull(mean, "mean");
      if (mean.isNegative() || mean.isZero()) {
        throw new IllegalArgumentException("mean service time must be > 0, was " + mean);
      }
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return Math.round(-Math.log(1.0 - random.nextDouble()) * mean.toNanos());
    }

    @Override
    public String describe() {
      return "exponential(" + DemoDurations.format(mean) + ")";
    }
  }
}
