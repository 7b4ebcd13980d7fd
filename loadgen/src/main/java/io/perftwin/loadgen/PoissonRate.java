package io.perftwin.loadgen;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Arrivals of a Poisson process at {@code ratePerSecond}: inter-arrival times are independent
 * and exponentially distributed with mean {@code 1 / ratePerSecond}, so arrivals come in the
 * irregular clusters real independent clients make, rather than evenly spaced.
 *
 * <p>Share {@code k} of {@code n} is an independent Poisson process of rate {@code ratePerSecond / n},
 * drawn from a {@link SplittableRandom} seeded from {@code (seed, k)}; the superposition of
 * independent Poisson processes is a Poisson process of the summed rate, so the shares together
 * offer exactly the shape asked for. The same seed gives the same schedule. The first arrival of
 * a share comes one exponential gap after the start of the phase.
 *
 * <p>The gap is {@code −ln(1 − U) / λ} with {@code U} uniform in {@code [0, 1)}; times are
 * accumulated in double-precision nanoseconds (exact to far below a nanosecond over any phase
 * length that fits a {@link Duration} of days) and rounded up to whole nanoseconds.
 *
 * @param ratePerSecond mean arrivals per second, {@code > 0}
 */
public record PoissonRate(double ratePerSecond) implements OpenShape {

  public PoissonRate {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("ratePerSecond must be > 0 and finite, was " + ratePerSecond);
    }
  }

  @Override
  public ArrivalSchedule schedule(Duration duration, int share, int shares, long seed) {
    Shapes.checkShare(share, shares);
    final long durationNanos = Shapes.positiveNanos(duration);
    final double meanGapNanos = 1e9 * shares / ratePerSecond;
    final SplittableRandom random = new SplittableRandom(Seeds.derive(seed, share));
    return new ArrivalSchedule() {
      private double timeNanos;
      private boolean done;

      @Override
      public long nextFireTimeNanos() {
        if (done) {
          return END;
        }
        timeNanos += -Math.log1p(-random.nextDouble()) * meanGapNanos;
        long t = (long) Math.ceil(timeNanos);
        if (!(timeNanos < durationNanos) || t >= durationNanos) {
          done = true;
          return END;
        }
        return t;
      }
    };
  }

  /** The expected number of arrivals, {@code rate × duration} (the count itself is random). */
  @Override
  public double expectedArrivals(Duration duration) {
    return ratePerSecond * (Shapes.positiveNanos(duration) / 1e9);
  }

  /** {@code poissonRate 500/s}. */
  @Override
  public String describe() {
    return "poissonRate " + Shapes.rate(ratePerSecond);
  }
}
