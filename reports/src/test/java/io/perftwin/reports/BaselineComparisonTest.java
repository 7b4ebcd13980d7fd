package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.reports.internal.RunSamples;
import io.perftwin.reports.internal.SparseCounts;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The comparison on synthetic histograms with known answers. */
class BaselineComparisonTest {
  static final SyntheticRuns.Latency BASE = SyntheticRuns.logNormal(5, 0.5);
  /** p98 of BASE is about 5 ms · e^(0.5·2.054) = 13.9 ms; scaling everything above 12 ms moves p99 and p99.9 by 10%. */
  static final SyntheticRuns.Latency TAIL_10_PERCENT_WORSE = SyntheticRuns.tailScaled(BASE, 12, 1.10);

  private static MetricComparison row(BaselineComparison c, String request, String metric) {
    return c.metrics().stream().filter(m -> m.request().equals(request) && m.metric().equals(metric)).findFirst()
        .orElseThrow();
  }

  private static BaselineComparison compare(SyntheticRuns.Latency base, SyntheticRuns.Latency cand, int intervals,
      int perInterval, long seed, ComparisonSettings settings) {
    SplittableRandom rng = new SplittableRandom(seed);
    RunSamples b = SyntheticRuns.samples(SyntheticRuns.intervals(base, intervals, perInterval, rng));
    RunSamples c = SyntheticRuns.samples(SyntheticRuns.intervals(cand, intervals, perInterval, rng));
    return BaselineComparison.compare("base", b, c, settings, null);
  }

  @Test
  void aTenPercentP99RegressionIsWorse() {
    BaselineComparison c = compare(BASE, TAIL_10_PERCENT_WORSE, 120, 1000, 1, ComparisonSettings.DEFAULT);
    MetricComparison p99 = row(c, "home", "p99");
    assertEquals(ChangeVerdict.WORSE, p99.verdict(), p99.toString());
    assertEquals(0.10, p99.change(), 0.03, p99.toString());
    assertTrue(p99.changeLow() > 0 && p99.changeLow() < 0.10 && p99.changeHigh() > 0.10, p99.toString());
    assertEquals(ChangeVerdict.WORSE, row(c, "all", "p99").verdict());
    assertEquals(ChangeVerdict.SAME, row(c, "home", "p50").verdict(), "the median did not move");
    assertEquals(ChangeVerdict.SAME, row(c, "home", MetricComparison.MANN_WHITNEY).verdict(),
        "a tail-only change is no median shift");
    assertEquals(ChangeVerdict.WORSE, c.verdict());
    assertTrue(c.worse());
  }

  @Test
  void aShiftedDistributionIsWorseByTheRankTestToo() {
    BaselineComparison c = compare(BASE, SyntheticRuns.logNormal(5.5, 0.5), 30, 1000, 2, ComparisonSettings.DEFAULT);
    MetricComparison mw = row(c, "home", MetricComparison.MANN_WHITNEY);
    assertEquals(ChangeVerdict.WORSE, mw.verdict(), mw.toString());
    assertTrue(mw.pValue() < 1e-6 && mw.probabilitySlower() > 0.5, mw.toString());
    assertEquals(ChangeVerdict.WORSE, row(c, "home", "p50").verdict());
  }

  @Test
  void anImprovementIsBetterAndPassesTheGate() {
    BaselineComparison c = compare(BASE, SyntheticRuns.logNormal(4, 0.5), 30, 1000, 3, ComparisonSettings.DEFAULT);
    assertEquals(ChangeVerdict.BETTER, row(c, "home", "p50").verdict());
    assertEquals(ChangeVerdict.BETTER, c.verdict());
    assertFalse(c.worse());
  }

  @Test
  void aChangeBelowTheMinimumEffectIsSame() {
    // +10% in the tail, but the minimum effect asked for is 20%
    BaselineComparison c = compare(BASE, TAIL_10_PERCENT_WORSE, 60, 1000, 1, ComparisonSettings.DEFAULT.withMinEffect(0.20));
    MetricComparison p99 = row(c, "home", "p99");
    assertEquals(ChangeVerdict.SAME, p99.verdict(), p99.toString());
    assertEquals("a significant change, but smaller than the minimum effect", p99.reason());
  }

  @Tag("slow")
  @Test
  void twoRunsOfTheSameDistributionAreSameInAtLeast95Of100SeededTrials() {
    // 400 resamples instead of 1,000 keep the 100 trials at a few seconds; the rule is the same.
    ComparisonSettings settings = new ComparisonSettings(0.05, 0.95, 400, 1, 0.01, 1000, 5, 10);
    int same = 0;
    for (int trial = 0; trial < 100; trial++) {
      BaselineComparison c = compare(BASE, BASE, 30, 1000, 1000 + trial, settings);
      if (c.metrics().stream().noneMatch(m -> m.verdict() == ChangeVerdict.WORSE || m.verdict() == ChangeVerdict.BETTER)) {
        same++;
      }
    }
    assertTrue(same >= 95, same + " of 100 trials had every metric 'same'");
  }

  @Test
  void aTinySampleIsUnknownNotAGuess() {
    BaselineComparison c = compare(BASE, SyntheticRuns.logNormal(10, 0.5), 3, 100, 4, ComparisonSettings.DEFAULT);
    assertTrue(c.metrics().stream().allMatch(m -> m.verdict() == ChangeVerdict.UNKNOWN), c.metrics().toString());
    assertEquals(ChangeVerdict.UNKNOWN, c.verdict());
    assertFalse(c.worse());
    assertEquals("too few samples: the baseline has 300 requests, fewer than 1000", row(c, "all", "p50").reason());
    assertEquals(1.0, row(c, "all", "p50").change(), 0.3, "the change is still shown");
  }

  @Test
  void tooFewIntervalsIsUnknown() {
    BaselineComparison c = compare(BASE, BASE, 4, 1000, 5, ComparisonSettings.DEFAULT);
    assertEquals("too few samples: the baseline has 4 measured intervals, fewer than 5", row(c, "all", "p99").reason());
  }

  @Test
  void aHighPercentileNeedsEnoughRequestsAboveIt() {
    BaselineComparison c = compare(BASE, BASE, 10, 500, 6, ComparisonSettings.DEFAULT); // 5,000 requests
    assertEquals(ChangeVerdict.UNKNOWN, row(c, "all", "p99.9").verdict());
    assertEquals("too few samples for p99.9: fewer than 10 requests above it on one side (needs 10000 requests)",
        row(c, "all", "p99.9").reason());
    assertFalse(row(c, "all", "p99").verdict() == ChangeVerdict.UNKNOWN);
  }

  @Test
  void aNameMissingFromTheBaselineIsUnknown() {
    SplittableRandom rng = new SplittableRandom(7);
    RunSamples b = SyntheticRuns.samples(SyntheticRuns.intervals(BASE, 10, 200, rng));
    RunSamples c = new RunSamples(java.util.Map.of("login", b.byName().get("home")), b.all());
    BaselineComparison cmp = BaselineComparison.compare("base", b, c, ComparisonSettings.DEFAULT, null);
    assertEquals("not in the baseline run", row(cmp, "login", "p50").reason());
  }

  @Test
  void isRepeatableWithTheSameSeed() {
    assertEquals(compare(BASE, TAIL_10_PERCENT_WORSE, 20, 500, 8, ComparisonSettings.DEFAULT).metrics(),
        compare(BASE, TAIL_10_PERCENT_WORSE, 20, 500, 8, ComparisonSettings.DEFAULT).metrics());
  }

  @Test
  void percentilesAgreeWithHdrHistogram() {
    List<Histogram> hs = SyntheticRuns.intervals(BASE, 1, 5000, new SplittableRandom(9));
    SparseCounts c = SparseCounts.of(hs.get(0));
    for (double p : new double[] {1, 50, 90, 99, 99.9, 100}) {
      assertEquals((double) hs.get(0).getValueAtPercentile(p), BaselineComparison.percentileOf(c, p), "p" + p);
    }
  }
}
