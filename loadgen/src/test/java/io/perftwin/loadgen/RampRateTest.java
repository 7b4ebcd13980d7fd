package io.perftwin.loadgen;

import static io.perftwin.loadgen.Schedules.countIn;
import static io.perftwin.loadgen.Schedules.drain;
import static io.perftwin.loadgen.Schedules.nonDecreasing;
import static io.perftwin.loadgen.Schedules.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RampRateTest {
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  /** N(t) = from·t + (to − from)·t² / (2D), the cumulative arrivals of the ramp, t and D in seconds. */
  private static double integral(double from, double to, double durationSeconds, double t) {
    return from * t + (to - from) * t * t / (2 * durationSeconds);
  }

  @Test
  void countIsTheIntegralOverThePhase() {
    RampRate ramp = new RampRate(100, 1000);
    List<Long> times = drain(ramp.schedule(TEN_SECONDS, 0, 1, 0));
    assertEquals(5500, times.size()); // (100 + 1000) / 2 · 10 s
    assertEquals(5500, (long) ramp.expectedArrivals(TEN_SECONDS));
    assertEquals(0L, times.get(0));
    assertTrue(times.get(times.size() - 1) < TEN_SECONDS.toNanos());
    assertTrue(nonDecreasing(times));
  }

  @Test
  void eachTenthOfThePhaseHasTheArrivalsOfTheIntegralWithinOne() {
    for (double[] fromTo : new double[][] {{100, 1000}, {1000, 100}, {0, 500}, {800, 0}, {250, 250}}) {
      RampRate ramp = new RampRate(fromTo[0], fromTo[1]);
      List<Long> times = drain(ramp.schedule(TEN_SECONDS, 0, 1, 0));
      for (int k = 0; k < 10; k++) {
        long from = k * 1_000_000_000L;
        long to = (k + 1) * 1_000_000_000L;
        double expected = integral(fromTo[0], fromTo[1], 10, k + 1) - integral(fromTo[0], fromTo[1], 10, k);
        long actual = countIn(times, from, to);
        assertTrue(Math.abs(actual - expected) <= 1,
            ramp.describe() + ": tenth " + k + " has " + actual + " arrivals, the integral says " + expected);
      }
      assertEquals((long) ramp.expectedArrivals(TEN_SECONDS), times.size(), ramp.describe());
    }
  }

  @Test
  void spacingIsTheReciprocalOfTheInstantaneousRate() {
    // 100/s → 1000/s over 10 s: at t the rate is 100 + 90·t per second.
    List<Long> times = drain(new RampRate(100, 1000).schedule(TEN_SECONDS, 0, 1, 0));
    for (int i = 1; i < times.size(); i += 97) {
      double midSeconds = (times.get(i) + times.get(i - 1)) / 2e9;
      double rate = 100 + 90 * midSeconds;
      double gapSeconds = (times.get(i) - times.get(i - 1)) / 1e9;
      // The rate changes by less than 1 % over one gap here, and rounding to 1 ns is 1e-6 of a 1 ms gap.
      assertEquals(1.0, gapSeconds * rate, 0.01, "gap " + i + " at " + midSeconds + " s");
    }
  }

  @Test
  void arrivalTimesSolveTheIntegralFromTheIndexWithoutDrift() {
    // A long phase: the i-th arrival is where N(t) = i, to far better than one arrival, also at the end.
    Duration d = Duration.ofMinutes(10);
    RampRate ramp = new RampRate(10, 2000);
    ArrivalSchedule s = ramp.schedule(d, 0, 1, 0);
    long i = 0;
    long last = 0;
    for (long t = s.nextFireTimeNanos(); t != ArrivalSchedule.END; t = s.nextFireTimeNanos()) {
      if (i % 10_007 == 0) {
        assertEquals(i, integral(10, 2000, 600, t / 1e9), 1e-3, "arrival " + i);
      }
      last = t;
      i++;
    }
    assertEquals(603_000, i); // (10 + 2000) / 2 · 600 s
    assertEquals(i - 1, integral(10, 2000, 600, last / 1e9), 1e-3);
  }

  @Test
  void equalEndsAreTheConstantRateToTheNanosecond() {
    List<Long> ramp = drain(new RampRate(333, 333).schedule(Duration.ofSeconds(3), 0, 1, 0));
    List<Long> constant = drain(new ConstantRate(333).schedule(Duration.ofSeconds(3), 0, 1, 0));
    assertEquals(constant.size(), ramp.size());
    for (int i = 0; i < ramp.size(); i++) {
      assertEquals(constant.get(i), ramp.get(i), 1, "arrival " + i);
    }
  }

  @Test
  void rampFromZeroStartsAtZeroAndFollowsTheSquareRoot() {
    // 0 → 1000/s over 10 s: N(t) = 50·t², so arrival i is at √(i / 50) s.
    List<Long> times = drain(new RampRate(0, 1000).schedule(TEN_SECONDS, 0, 1, 0));
    assertEquals(5000, times.size());
    assertEquals(0L, times.get(0));
    assertEquals((long) Math.ceil(Math.sqrt(1 / 50.0) * 1e9), times.get(1), 1);
    assertEquals((long) Math.ceil(Math.sqrt(4999 / 50.0) * 1e9), times.get(4999), 1);
  }

  @Test
  void rampDownToZeroEndsBeforeThePhaseEnds() {
    List<Long> times = drain(new RampRate(1000, 0).schedule(Duration.ofSeconds(2), 0, 1, 0));
    assertEquals(1000, times.size());
    assertTrue(nonDecreasing(times));
    assertTrue(times.get(999) < 2_000_000_000L);
    // The gaps grow as the rate falls.
    assertTrue(times.get(999) - times.get(998) > 10 * (times.get(1) - times.get(0)));
  }

  @Test
  void sharesPartitionTheWholeSchedule() {
    RampRate ramp = new RampRate(123.4, 987.6);
    Duration d = Duration.ofMillis(4321);
    List<Long> whole = drain(ramp.schedule(d, 0, 1, 0));
    for (int shares : new int[] {2, 3, 7}) {
      for (int share = 0; share < shares; share++) {
        assertTrue(nonDecreasing(drain(ramp.schedule(d, share, shares, 0))), shares + " shares, share " + share);
      }
      assertEquals(whole, union(ramp, d, shares, 0), shares + " shares");
    }
  }

  @Test
  void describe() {
    assertEquals("rampRate 100/s→1000/s", new RampRate(100, 1000).describe());
    assertEquals("rampRate 0/s→2.5/s", new RampRate(0, 2.5).describe());
  }

  @Test
  void rejectsBadRates() {
    assertEquals("a ramp needs a rate > 0 at one end at least, was 0/s to 0/s",
        assertThrows(IllegalArgumentException.class, () -> new RampRate(0, 0)).getMessage());
    assertEquals("fromPerSecond must be >= 0 and finite, was -1.0",
        assertThrows(IllegalArgumentException.class, () -> new RampRate(-1, 10)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RampRate(10, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new RampRate(10, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new RampRate(1, 2).schedule(TEN_SECONDS, 2, 2, 0));
    assertThrows(IllegalArgumentException.class, () -> new RampRate(1, 2).schedule(Duration.ZERO, 0, 1, 0));
  }
}
