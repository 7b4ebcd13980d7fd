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

class StepRateTest {

  @Test
  void eachStepHasItsRateTimesItsLength() {
    // 100, 200, 300, 400 per second, 2 s each.
    StepRate steps = new StepRate(100, 400, 4);
    Duration d = Duration.ofSeconds(8);
    List<Long> times = drain(steps.schedule(d, 0, 1, 0));
    long[] expected = {200, 400, 600, 800};
    for (int k = 0; k < 4; k++) {
      assertEquals(expected[k], countIn(times, k * 2_000_000_000L, (k + 1) * 2_000_000_000L), "step " + k);
      assertEquals(expected[k], steps.arrivalsInStep(d, k), "step " + k);
    }
    assertEquals(2000, times.size());
    assertEquals(2000, (long) steps.expectedArrivals(d));
    assertTrue(nonDecreasing(times));
  }

  @Test
  void arrivalsAreEvenlySpacedFromTheStartOfEachStep() {
    StepRate steps = new StepRate(100, 400, 4);
    List<Long> times = drain(steps.schedule(Duration.ofSeconds(8), 0, 1, 0));
    assertEquals(List.of(0L, 10_000_000L), times.subList(0, 2));
    assertEquals(2_000_000_000L, times.get(200)); // the first arrival of step 1 is at its start
    assertEquals(2_005_000_000L, times.get(201));
    long[] gaps = {10_000_000L, 5_000_000L, 3_333_334L, 2_500_000L};
    int i = 1;
    for (int k = 0; k < 4; k++) {
      for (; i < times.size() && times.get(i) < (k + 1) * 2_000_000_000L; i++) {
        if (times.get(i - 1) >= k * 2_000_000_000L) {
          assertEquals(gaps[k], times.get(i) - times.get(i - 1), 1, "gap before arrival " + i + " in step " + k);
        }
      }
    }
  }

  @Test
  void ratesAreEvenlySpacedFromFirstToLastInclusive() {
    StepRate steps = new StepRate(1000, 100, 4);
    assertEquals(List.of(1000.0, 700.0, 400.0, 100.0),
        List.of(steps.stepRatePerSecond(0), steps.stepRatePerSecond(1), steps.stepRatePerSecond(2), steps.stepRatePerSecond(3)));
    StepRate two = new StepRate(5, 50, 2);
    assertEquals(5.0, two.stepRatePerSecond(0));
    assertEquals(50.0, two.stepRatePerSecond(1));
  }

  @Test
  void stepsThatDoNotDivideThePhaseEvenlyStillCoverIt() {
    // 10 s in 3 steps: boundaries at 3,333,333,333 ns and 6,666,666,666 ns.
    StepRate steps = new StepRate(1000, 1000, 3);
    Duration d = Duration.ofSeconds(10);
    assertEquals(3_333_333_333L, steps.stepStartNanos(d, 1));
    assertEquals(6_666_666_666L, steps.stepStartNanos(d, 2));
    assertEquals(10_000_000_000L, steps.stepStartNanos(d, 3));
    List<Long> times = drain(steps.schedule(d, 0, 1, 0));
    // 3,333,333,333 ns at 1 ms spacing from the step start: arrivals 0 … 3333, so 3334.
    assertEquals(3334, steps.arrivalsInStep(d, 0));
    assertEquals(3334, countIn(times, 0, 3_333_333_333L));
    assertEquals(times.size(), (long) steps.expectedArrivals(d));
    assertEquals(steps.arrivalsInStep(d, 0) + steps.arrivalsInStep(d, 1) + steps.arrivalsInStep(d, 2), times.size());
  }

  @Test
  void aStepAtZeroSendsNothing() {
    StepRate steps = new StepRate(300, 0, 4); // 300, 200, 100, 0
    Duration d = Duration.ofSeconds(4);
    List<Long> times = drain(steps.schedule(d, 0, 1, 0));
    assertEquals(600, times.size());
    assertEquals(0, countIn(times, 3_000_000_000L, 4_000_000_000L));
    assertEquals(0, steps.arrivalsInStep(d, 3));
    assertEquals(100, countIn(times, 2_000_000_000L, 3_000_000_000L));
  }

  @Test
  void sharesPartitionTheWholeSchedule() {
    StepRate steps = new StepRate(77.7, 555.5, 5);
    Duration d = Duration.ofMillis(3210);
    List<Long> whole = drain(steps.schedule(d, 0, 1, 0));
    for (int shares : new int[] {2, 3, 8}) {
      for (int share = 0; share < shares; share++) {
        assertTrue(nonDecreasing(drain(steps.schedule(d, share, shares, 0))), shares + " shares, share " + share);
      }
      assertEquals(whole, union(steps, d, shares, 0), shares + " shares");
    }
  }

  @Test
  void describe() {
    assertEquals("steps 100/s→400/s in 4 steps", new StepRate(100, 400, 4).describe());
  }

  @Test
  void rejectsBadArguments() {
    assertEquals("steps must be in [2, 10000], was 1",
        assertThrows(IllegalArgumentException.class, () -> new StepRate(1, 2, 1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new StepRate(1, 2, StepRate.MAX_STEPS + 1));
    assertEquals("steps need a rate > 0 at one end at least, was 0/s to 0/s",
        assertThrows(IllegalArgumentException.class, () -> new StepRate(0, 0, 3)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new StepRate(-5, 2, 3));
    assertEquals("a phase of 2ns cannot be split into 3 steps",
        assertThrows(IllegalArgumentException.class, () -> new StepRate(1, 2, 3).schedule(Duration.ofNanos(2), 0, 1, 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new StepRate(1, 2, 3).stepRatePerSecond(3));
  }
}
