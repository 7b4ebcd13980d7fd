package io.perftwin.loadgen;

import java.time.Duration;
import java.util.Locale;

/**
 * Arrivals evenly spaced at {@code ratePerSecond}: the i-th arrival of the phase is intended at
 * {@code i / ratePerSecond} seconds. Shares take every {@code shares}-th arrival, so the union of
 * all shares is exactly the evenly spaced sequence.
 */
public record ConstantRate(double ratePerSecond) implements OpenShape {

  public ConstantRate {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("ratePerSecond must be > 0 and finite, was " + ratePerSecond);
    }
  }

  @Override
  public ArrivalSchedule schedule(Duration duration, int share, int shares, long seed) {
    if (share < 0 || share >= shares) {
      throw new IllegalArgumentException("share " + share + " is not in [0, " + shares + ")");
    }
    final long durationNanos = duration.toNanos();
    final double intervalNanos = 1e9 / ratePerSecond;
    return new ArrivalSchedule() {
      private long index = share;

      @Override
      public long nextFireTimeNanos() {
        // Computed from the index, not accumulated, so rounding never drifts.
        long t = (long) Math.ceil(index * intervalNanos);
        if (t >= durationNanos) {
          return END;
        }
        index += shares;
        return t;
      }
    };
  }

  @Override
  public double expectedArrivals(Duration duration) {
    return Math.ceil(duration.toNanos() * ratePerSecond / 1e9);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "constantRate %s/s", Formats.number(ratePerSecond));
  }
}
