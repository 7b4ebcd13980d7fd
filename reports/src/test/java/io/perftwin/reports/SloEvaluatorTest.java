package io.perftwin.reports;

import static io.perftwin.reports.Fixtures.MS;
import static io.perftwin.reports.Fixtures.histogram;
import static io.perftwin.reports.Fixtures.stats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SloEvaluatorTest {

  /**
   * Histograms keep 3 significant digits: within a bucket, every value is "equivalent" to the
   * bucket's highest value, and the bucket is at most 1/1024 of its values wide (2048 sub-buckets,
   * half of them used per power of two). So a percentile read back is the recorded value rounded
   * up by less than 0.1%; the exact expectation is {@code highestEquivalentValue(recorded)}.
   */
  private static final double RELATIVE_RESOLUTION = 1.0 / 1024;

  private static Slo percentile(double p, double thresholdMs) {
    return new Slo("p" + p + " < " + thresholdMs + "ms", null, Slo.Metric.PERCENTILE, p, Slo.Comparison.LT, thresholdMs);
  }

  private static Slo metric(Slo.Metric metric, String scope, Slo.Comparison cmp, double threshold) {
    return new Slo(metric + " " + cmp.symbol() + " " + threshold, scope, metric, Double.NaN, cmp, threshold);
  }

  private static double only(Slo slo, MeasuredRun run) {
    List<SloResult> results = SloEvaluator.evaluate(List.of(slo), run);
    assertEquals(1, results.size());
    return results.get(0).actual();
  }

  /** 10,000 × 1 ms plus 100 × 100 ms, the shape of HdrHistogram's own data-access test. */
  private static MeasuredRun stallRun() {
    Histogram h = histogram(10_000, 1 * MS);
    h.recordValueWithCount(100 * MS, 100);
    return Fixtures.run(Map.of("home", stats(h)), 10, List.of());
  }

  @Test
  void percentilesComeFromTheResponseTimeHistogramInMilliseconds() {
    MeasuredRun run = stallRun();
    Histogram h = run.requests().get("home").responseTime();
    // p99 of 10,100 values is the 9,999th: still 1 ms.
    double p99 = only(percentile(99, 50), run);
    assertEquals(h.highestEquivalentValue(1 * MS) / 1e6, p99, 0.0);
    assertEquals(1.0, p99, 1.0 * RELATIVE_RESOLUTION);
    // p99.01 needs the 10,001st value: the first of the 100 ms stall.
    double p9901 = only(percentile(99.01, 50), run);
    assertEquals(h.highestEquivalentValue(100 * MS) / 1e6, p9901, 0.0);
    assertEquals(100.0, p9901, 100.0 * RELATIVE_RESOLUTION);
    assertEquals(1.0, only(percentile(50, 50), run), 1.0 * RELATIVE_RESOLUTION);
  }

  @Test
  void percentileObjectivePassesAndFailsOnTheThreshold() {
    MeasuredRun run = stallRun();
    List<SloResult> results = SloEvaluator.evaluate(List.of(percentile(99, 2), percentile(99.5, 50)), run);
    assertTrue(results.get(0).pass(), "p99 is 1 ms < 2 ms");
    assertFalse(results.get(1).pass(), "p99.5 is 100 ms, not < 50 ms");
    assertEquals(SloEvaluator.ALL, results.get(0).scope());
    assertEquals("ms", results.get(0).unit());
  }

  @Test
  void meanAndMaxInMilliseconds() {
    MeasuredRun run = stallRun();
    // mean = (10,000 × 1 + 100 × 100) / 10,100 ms; the histogram averages bucket midpoints,
    // so the same 0.1% resolution applies.
    double expectedMean = 20_000.0 / 10_100;
    assertEquals(expectedMean, only(metric(Slo.Metric.MEAN, null, Slo.Comparison.LT, 5), run),
        expectedMean * RELATIVE_RESOLUTION);
    Histogram h = run.requests().get("home").responseTime();
    assertEquals(h.highestEquivalentValue(100 * MS) / 1e6, only(metric(Slo.Metric.MAX, null, Slo.Comparison.LT, 5), run), 0.0);
  }

  @Test
  void errorsAreTheRatioOfFailedToCompletedRequests() {
    RequestStats s = stats(histogram(1_000, 2 * MS), Map.of(ErrorKind.TIMEOUT, 3L, ErrorKind.STATUS, 7L));
    MeasuredRun run = Fixtures.run(Map.of("home", s), 10, List.of());
    SloResult r = SloEvaluator.evaluate(List.of(metric(Slo.Metric.ERRORS, null, Slo.Comparison.LT, 0.001)), run).get(0);
    assertEquals(0.01, r.actual(), 1e-15);
    assertFalse(r.pass());
    assertEquals("ratio", r.unit());
    assertTrue(SloEvaluator.evaluate(List.of(metric(Slo.Metric.ERRORS, null, Slo.Comparison.LE, 0.01)), run).get(0).pass());
  }

  @Test
  void throughputIsSuccessesPerMeasuredSecond() {
    RequestStats s = stats(histogram(1_000, 2 * MS), Map.of(ErrorKind.RESET, 10L));
    MeasuredRun run = Fixtures.run(Map.of("home", s), 10, List.of());
    SloResult r = SloEvaluator.evaluate(List.of(metric(Slo.Metric.THROUGHPUT, null, Slo.Comparison.GE, 99)), run).get(0);
    assertEquals(99.0, r.actual(), 1e-12);
    assertTrue(r.pass());
    assertEquals("/s", r.unit());
    assertFalse(SloEvaluator.evaluate(List.of(metric(Slo.Metric.THROUGHPUT, null, Slo.Comparison.GT, 99)), run).get(0).pass());
  }

  @Test
  void scopeSelectsOneRequestNameAndNullSelectsAll() {
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    requests.put("fast", stats(histogram(1_000, 1 * MS)));
    requests.put("slow", stats(histogram(1_000, 30 * MS), Map.of(ErrorKind.TIMEOUT, 100L)));
    MeasuredRun run = Fixtures.run(requests, 10, List.of());
    List<SloResult> results = SloEvaluator.evaluate(List.of(
        metric(Slo.Metric.MAX, "fast", Slo.Comparison.LT, 10),
        metric(Slo.Metric.MAX, "slow", Slo.Comparison.LT, 10),
        metric(Slo.Metric.MAX, null, Slo.Comparison.LT, 10),
        metric(Slo.Metric.ERRORS, "slow", Slo.Comparison.LT, 1),
        metric(Slo.Metric.ERRORS, null, Slo.Comparison.LT, 1),
        metric(Slo.Metric.THROUGHPUT, "fast", Slo.Comparison.GT, 0)), run);
    assertEquals("fast", results.get(0).scope());
    assertEquals(1.0, results.get(0).actual(), RELATIVE_RESOLUTION);
    assertTrue(results.get(0).pass());
    assertEquals(30.0, results.get(1).actual(), 30 * RELATIVE_RESOLUTION);
    assertFalse(results.get(1).pass());
    assertEquals(SloEvaluator.ALL, results.get(2).scope());
    assertEquals(30.0, results.get(2).actual(), 30 * RELATIVE_RESOLUTION);
    assertEquals(0.1, results.get(3).actual(), 1e-15);
    assertEquals(0.05, results.get(4).actual(), 1e-15);
    assertEquals(100.0, results.get(5).actual(), 1e-12);
  }

  @Test
  void unknownScopeIsRejectedNamingTheKnownRequests() {
    MeasuredRun run = stallRun();
    Slo slo = new Slo("login.p99 < 5ms", "login", Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SloEvaluator.evaluate(List.of(slo), run));
    assertEquals("SLO 'login.p99 < 5ms' names request 'login', which the run does not have; request names: [home]",
        e.getMessage());
  }

  @Test
  void nothingMeasuredIsNaNAndFailsWhateverTheComparison() {
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    requests.put("home", stats(histogram(100, 1 * MS)));
    requests.put("login", stats(Fixtures.empty()));
    MeasuredRun run = Fixtures.run(requests, 10, List.of());
    List<SloResult> results = SloEvaluator.evaluate(List.of(
        new Slo("login.p99 < 1s", "login", Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 1000),
        new Slo("login.p99 > 0ms", "login", Slo.Metric.PERCENTILE, 99, Slo.Comparison.GT, 0),
        metric(Slo.Metric.MEAN, "login", Slo.Comparison.LT, 1000),
        metric(Slo.Metric.MAX, "login", Slo.Comparison.LT, 1000),
        metric(Slo.Metric.ERRORS, "login", Slo.Comparison.LE, 1)), run);
    for (SloResult r : results) {
      assertTrue(Double.isNaN(r.actual()), r.slo().text());
      assertFalse(r.pass(), r.slo().text());
    }
  }

  @Test
  void throughputOfARunWithoutMeasuredTimeIsZero() {
    MeasuredRun run = Fixtures.run(Map.of("home", stats(histogram(10, 1 * MS))), 0, List.of());
    SloResult r = SloEvaluator.evaluate(List.of(metric(Slo.Metric.THROUGHPUT, null, Slo.Comparison.GE, 1)), run).get(0);
    assertEquals(0.0, r.actual());
    assertFalse(r.pass());
  }

  @Test
  void resultsKeepTheOrderOfTheObjectives() {
    List<SloResult> results = SloEvaluator.evaluate(Fixtures.QUICKSTART_SLOS, Fixtures.quickstartRun(List.of(), Map.of()));
    assertEquals(Fixtures.QUICKSTART_SLOS, results.stream().map(SloResult::slo).toList());
    assertTrue(results.stream().allMatch(SloResult::pass), results::toString);
  }
}
