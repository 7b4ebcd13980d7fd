package io.perftwin.loadgen;

import java.time.Duration;

/**
 * A staircase: the phase is split into {@code steps} equal parts, each at a constant rate, the
 * rates evenly spaced from {@code fromPerSecond} (first step) to {@code toPerSecond} (last step)
 * inclusive. {@code StepRate(100, 400, 4)} runs a quarter of the phase at each of 100, 200, 300 and
 * 400 per second.
 *
 * <p>Step {@code k} covers {@code [k·D/steps, (k+1)·D/steps)} in whole nanoseconds, and its
 * arrivals are evenly spaced from the start of the step, as in {@link ConstantRate}. Every time is
 * computed from the arrival's index (its step and its place in the step), never accumulated.
 * Arrivals are numbered through the whole phase and share {@code k} of {@code n} takes the
 * arrivals {@code k, k+n, …}, so the shares together are the whole schedule.
 *
 * <p>Either end may be 0 (a step with rate 0 sends nothing), but not both.
 *
 * @param fromPerSecond rate of the first step, {@code >= 0}
 * @param toPerSecond rate of the last step, {@code >= 0}
 * @param steps number of steps, {@code 2 <= steps <= } {@link #MAX_STEPS}
 */
public record StepRate(double fromPerSecond, double toPerSecond, int steps) implements OpenShape {

  /** Most steps a phase may have. */
  public static final int MAX_STEPS = 10_000;

  public StepRate {
    Shapes.checkNonNegativeRate("fromPerSecond", fromPerSecond);
    Shapes.checkNonNegativeRate("toPerSecond", toPerSecond);
    if (fromPerSecond == 0 && toPerSecond == 0) {
      throw new IllegalArgumentException("steps need a rate > 0 at one end at least, was 0/s to 0/s");
    }
    if (steps < 2 || steps > MAX_STEPS) {
      throw new IllegalArgumentException("steps must be in [2, " + MAX_STEPS + "], was " + steps);
    }
  }

  /** The rate of step {@code step} (from 0), per second. */
  public double stepRatePerSecond(int step) {
    if (step < 0 || step >= steps) {
      throw new IllegalArgumentException("step " + step + " is not in [0, " + steps + ")");
    }
    if (step == steps - 1) {
      return toPerSecond;
    }
    return fromPerSecond + (toPerSecond - fromPerSecond) * step / (steps - 1);
  }

  /** Start of step {@code step} in nanoseconds from the start of the phase; {@code step == steps} gives the end. */
  public long stepStartNanos(Duration duration, int step) {
    long d = Shapes.positiveNanos(duration);
    // k·D/steps without overflow: (D / steps)·k + (D % steps)·k / steps, exact.
    return d / steps * step + d % steps * step / steps;
  }

  @Override
  public ArrivalSchedule schedule(Duration duration, int share, int shares, long seed) {
    Shapes.checkShare(share, shares);
    final Plan plan = new Plan(duration);
    return new ArrivalSchedule() {
      private long index = share;
      private int step;

      @Override
      public long nextFireTimeNanos() {
        while (step < steps && index >= plan.firstIndex[step + 1]) {
          step++;
        }
        if (step >= steps) {
          return END;
        }
        long t = plan.start[step] + ceilTimes(index - plan.firstIndex[step], plan.intervalNanos[step]);
        index += shares;
        return t;
      }
    };
  }

  /** The number of arrivals the schedule produces, the sum of the steps' counts. */
  @Override
  public double expectedArrivals(Duration duration) {
    return new Plan(duration).firstIndex[steps];
  }

  /** The number of arrivals in step {@code step} of a phase of the given duration. */
  public long arrivalsInStep(Duration duration, int step) {
    Plan plan = new Plan(duration);
    if (step < 0 || step >= steps) {
      throw new IllegalArgumentException("step " + step + " is not in [0, " + steps + ")");
    }
    return plan.firstIndex[step + 1] - plan.firstIndex[step];
  }

  /** {@code steps 100/s→400/s in 4 steps}. */
  @Override
  public String describe() {
    return "steps " + Shapes.rate(fromPerSecond) + "→" + Shapes.rate(toPerSecond) + " in " + steps + " steps";
  }

  private static long ceilTimes(long j, double intervalNanos) {
    return (long) Math.ceil(j * intervalNanos);
  }

  /** Step starts, spacings and the index of each step's first arrival, for one duration. */
  private final class Plan {
    final long[] start = new long[steps + 1];
    final double[] intervalNanos = new double[steps];
    final long[] firstIndex = new long[steps + 1];

    Plan(Duration duration) {
      long d = Shapes.positiveNanos(duration);
      if (d < steps) {
        throw new IllegalArgumentException("a phase of " + d + "ns cannot be split into " + steps + " steps");
      }
      for (int k = 0; k <= steps; k++) {
        start[k] = stepStartNanos(duration, k);
      }
      for (int k = 0; k < steps; k++) {
        double rate = stepRatePerSecond(k);
        intervalNanos[k] = rate > 0 ? 1e9 / rate : Double.POSITIVE_INFINITY;
        firstIndex[k + 1] = firstIndex[k] + count(start[k + 1] - start[k], intervalNanos[k]);
      }
    }

    /** How many j >= 0 have ⌈j·interval⌉ < length: the same test the schedule applies. */
    private long count(long length, double interval) {
      if (Double.isInfinite(interval)) {
        return 0;
      }
      long c = (long) Math.floor((length - 1) / interval) + 1;
      while (c > 0 && ceilTimes(c - 1, interval) >= length) {
        c--;
      }
      while (ceilTimes(c, interval) < length) {
        c++;
      }
      return c;
    }
  }
}
