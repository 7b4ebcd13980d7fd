package io.perftwin.loadgen;

import java.time.Duration;

/**
 * A rate that changes linearly from {@code fromPerSecond} at the start of the phase to
 * {@code toPerSecond} at its end.
 *
 * <p>Over a phase of {@code D} seconds the cumulative number of arrivals by time {@code t} is
 * {@code N(t) = from·t + (to − from)·t² / (2D)}, and arrival {@code i} (from 0) is intended at the
 * {@code t} that solves {@code N(t) = i}. That time is computed in closed form from the index
 * ({@code t = 2i / (from + √(from² + 2(to − from)·i / D))}, the form of the quadratic's root that
 * stays exact when {@code to = from} and loses no digits to cancellation), never accumulated, so
 * rounding does not drift. Times are rounded up to whole nanoseconds. Share {@code k} of
 * {@code n} takes the arrivals {@code k, k+n, …}, so the shares together are the whole schedule.
 *
 * <p>Either end may be 0 (a ramp up from idle, or down to idle), but not both.
 *
 * @param fromPerSecond rate at the start of the phase, {@code >= 0}
 * @param toPerSecond rate at the end of the phase, {@code >= 0}
 */
public record RampRate(double fromPerSecond, double toPerSecond) implements OpenShape {

  public RampRate {
    Shapes.checkNonNegativeRate("fromPerSecond", fromPerSecond);
    Shapes.checkNonNegativeRate("toPerSecond", toPerSecond);
    if (fromPerSecond == 0 && toPerSecond == 0) {
      throw new IllegalArgumentException("a ramp needs a rate > 0 at one end at least, was 0/s to 0/s");
    }
  }

  @Override
  public ArrivalSchedule schedule(Duration duration, int share, int shares, long seed) {
    Shapes.checkShare(share, shares);
    final long durationNanos = Shapes.positiveNanos(duration);
    final double seconds = durationNanos / 1e9;
    // In units of the phase, u = t / D in [0, 1): N = f·u + g·u², f = from·D, g = (to − from)·D / 2.
    final double f = fromPerSecond * seconds;
    final double g = (toPerSecond - fromPerSecond) * seconds / 2;
    return new ArrivalSchedule() {
      private long index = share;
      private long last;

      @Override
      public long nextFireTimeNanos() {
        if (index < 0) {
          return END;
        }
        long t = fireTimeNanos(index, f, g, durationNanos);
        if (t >= durationNanos) {
          index = -1;
          return END;
        }
        index += shares;
        // The root is monotonic in the index; this only guards against a last-ulp wobble.
        last = Math.max(last, t);
        return last;
      }
    };
  }

  /** Intended time of arrival {@code i}, or a value {@code >= durationNanos} if it is past the end. */
  static long fireTimeNanos(long i, double f, double g, long durationNanos) {
    if (i == 0) {
      return 0;
    }
    double discriminant = f * f + 4 * g * i;
    if (!(discriminant >= 0)) {
      return Long.MAX_VALUE; // a ramp down never reaches this many arrivals
    }
    double u = 2.0 * i / (f + Math.sqrt(discriminant));
    if (!(u < 1)) {
      return Long.MAX_VALUE;
    }
    return (long) Math.ceil(u * durationNanos);
  }

  /**
   * The number of arrivals the schedule produces: {@code ⌈(from + to) / 2 · D⌉}, corrected by the
   * schedule's own rounding where the integral is within a rounding error of a whole number.
   */
  @Override
  public double expectedArrivals(Duration duration) {
    long durationNanos = Shapes.positiveNanos(duration);
    double seconds = durationNanos / 1e9;
    double f = fromPerSecond * seconds;
    double g = (toPerSecond - fromPerSecond) * seconds / 2;
    long count = (long) Math.ceil(f + g);
    while (count > 0 && fireTimeNanos(count - 1, f, g, durationNanos) >= durationNanos) {
      count--;
    }
    while (fireTimeNanos(count, f, g, durationNanos) < durationNanos) {
      count++;
    }
    return count;
  }

  /** {@code rampRate 100/s→1000/s}. */
  @Override
  public String describe() {
    return "rampRate " + Shapes.rate(fromPerSecond) + "→" + Shapes.rate(toPerSecond);
  }
}
