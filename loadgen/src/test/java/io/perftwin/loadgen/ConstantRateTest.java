package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantRateTest {

  private static List<Long> drain(ArrivalSchedule s) {
    List<Long> out = new ArrayList<>();
    for (long t = s.nextFireTimeNanos(); t != ArrivalSchedule.END; t = s.nextFireTimeNanos()) {
      out.add(t);
    }
    return out;
  }

  @Test
  void evenlySpacedAndCountMatchesRateTimesDuration() {
    List<Long> times = drain(new ConstantRate(500).schedule(Duration.ofSeconds(2), 0, 1, 0));
    assertEquals(1000, times.size());
    assertEquals(0L, times.get(0));
    for (int i = 1; i < times.size(); i++) {
      assertEquals(2_000_000L, times.get(i) - times.get(i - 1), "spacing at " + i);
    }
    assertTrue(times.get(times.size() - 1) < 2_000_000_000L);
  }

  @Test
  void fractionalRateDoesNotDrift() {
    // 3/s over 10 s: 30 arrivals, the last at 29/3 s, not accumulated rounding.
    List<Long> times = drain(new ConstantRate(3).schedule(Duration.ofSeconds(10), 0, 1, 0));
    assertEquals(30, times.size());
    assertEquals((long) Math.ceil(29 * (1e9 / 3)), times.get(29));
  }

  @Test
  void sharesPartitionTheWholeSchedule() {
    ConstantRate rate = new ConstantRate(1234.5);
    Duration d = Duration.ofMillis(3100);
    List<Long> whole = drain(rate.schedule(d, 0, 1, 0));
    List<Long> union = new ArrayList<>();
    for (int share = 0; share < 3; share++) {
      List<Long> part = drain(rate.schedule(d, share, 3, 0));
      for (int i = 1; i < part.size(); i++) {
        assertTrue(part.get(i) >= part.get(i - 1), "a share's schedule must be non-decreasing");
      }
      union.addAll(part);
    }
    Collections.sort(union);
    assertEquals(whole, union);
    assertEquals(whole.size(), (long) rate.expectedArrivals(d));
  }

  @Test
  void rejectsNonPositiveRate() {
    assertThrows(IllegalArgumentException.class, () -> new ConstantRate(0));
    assertThrows(IllegalArgumentException.class, () -> new ConstantRate(-1));
    assertThrows(IllegalArgumentException.class, () -> new ConstantRate(Double.NaN));
  }
}
