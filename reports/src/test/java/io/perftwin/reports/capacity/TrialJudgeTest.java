package io.perftwin.reports.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import io.perftwin.reports.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TrialJudgeTest {
  static final List<Slo> P99_50MS = List.of(
      new Slo("p99 < 50ms", null, Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 50),
      new Slo("throughput >= 10000/s", null, Slo.Metric.THROUGHPUT, Double.NaN, Slo.Comparison.GE, 10000));

  /** A 5 s trial with {@code completed} requests of {@code latencyMs} each and the given schedule lag. */
  static MeasuredRun run(double offered, long completed, double latencyMs, double lagMs) {
    Histogram rt = Histograms.create();
    rt.recordValueWithCount((long) (latencyMs * 1e6), completed);
    Histogram lag = Histograms.create();
    lag.recordValueWithCount((long) (lagMs * 1e6), completed);
    RequestStats stats = new RequestStats(rt, rt.copy(), Map.of(ErrorKind.class.getEnumConstants()[0], 0L));
    List<String> invalid = lagMs > 10 ? List.of("generator fell behind") : List.of();
    return new MeasuredRun(Instant.EPOCH, Instant.EPOCH.plusSeconds(7), 5, offered, Map.of("home", stats), lag,
        List.of(), invalid);
  }

  @Test
  void onScheduleAndFastPasses_throughputFloorNotApplied() {
    Trial t = TrialJudge.judge(1000, true, run(1000, 5000, 3, 0.1), P99_50MS, Duration.ofMillis(10));
    assertEquals(TrialOutcome.PASS, t.outcome());
    assertEquals(1000, t.achievedRate(), 1e-9);
    assertEquals(1, t.slos().size());
  }

  @Test
  void slowResponsesFailTheObjective() {
    Trial t = TrialJudge.judge(1000, true, run(1000, 5000, 80, 0.1), P99_50MS, Duration.ofMillis(10));
    assertEquals(TrialOutcome.SLO_FAILED, t.outcome());
    assertFalse(t.contested());
    assertEquals(List.of("objective missed: p99 < 50ms (actual 80.02 ms)"), t.reasons());
  }

  @Test
  void shortfallWithTheScheduleHeldIsTheTarget() {
    Trial t = TrialJudge.judge(1000, true, run(1000, 4900, 3, 0.1), P99_50MS, Duration.ofMillis(10));
    assertEquals(TrialOutcome.TARGET_SATURATED, t.outcome());
  }

  @Test
  void overloadedTargetThatAlsoSlowsTheGeneratorIsTheTarget() {
    // 500 ms p99 with 25 ms of lag: even without the lag the objective is missed by far.
    Trial t = TrialJudge.judge(1000, true, run(1000, 5000, 500, 25), P99_50MS, Duration.ofMillis(10));
    assertEquals(TrialOutcome.SLO_FAILED, t.outcome());
    assertTrue(t.contested(), "failed with the schedule not held: the search confirms it first");
  }

  @Test
  void lateDispatchWithAFastTargetIsTheGenerator() {
    // 60 ms p99 misses 50 ms, but 35 ms of it is the generator's lag: the target was fast.
    Trial t = TrialJudge.judge(1000, true, run(1000, 4000, 60, 35), P99_50MS, Duration.ofMillis(10));
    assertEquals(TrialOutcome.GENERATOR_BOUND, t.outcome());
    assertEquals("generator-bound: schedule lag p99 35.03 ms > 10 ms (load.maxScheduleLag)", t.reasons().get(0));
  }
}
