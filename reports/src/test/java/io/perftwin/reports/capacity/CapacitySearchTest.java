package io.perftwin.reports.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search over a deterministic target: passes up to a known capacity, fails above it. */
class CapacitySearchTest {

  /** A target with a sharp capacity; the generator holds rates up to {@code generatorLimit}. */
  static class KnownTarget implements TrialRunner {
    final double capacity;
    final double generatorLimit;
    final List<Double> asked = new ArrayList<>();

    KnownTarget(double capacity, double generatorLimit) {
      this.capacity = capacity;
      this.generatorLimit = generatorLimit;
    }

    @Override
    public Trial atRate(double rate) {
      asked.add(rate);
      TrialOutcome o = rate > generatorLimit ? TrialOutcome.GENERATOR_BOUND
          : rate <= capacity ? TrialOutcome.PASS : TrialOutcome.SLO_FAILED;
      double p99 = rate < capacity ? 2 / (1 - rate / capacity) : 1e4;
      return new Trial(rate, rate, Math.min(rate, capacity), Math.min(rate, capacity), 1, p99, 1, 0.1, 0, o != TrialOutcome.GENERATOR_BOUND, o,
          o == TrialOutcome.PASS ? List.of() : List.of(o.key()), List.of());
    }
  }

  @Test
  void stepsUpThenBisectsToThePrecision() {
    KnownTarget target = new KnownTarget(1234, Double.POSITIVE_INFINITY);
    SearchResult r = CapacitySearch.run(new SearchSettings(100, 5000, 500, 0.02), target);
    assertEquals(SearchResult.Status.FOUND, r.status());
    assertTrue(r.capacity() <= 1234 && r.capacity() >= 1234 / 1.02, "capacity " + r.capacity());
    assertEquals(r.capacity(), r.lastPass().level());
    assertTrue(r.firstFail().level() > 1234);
    assertTrue(r.firstFail().level() - r.lastPass().level() <= 0.02 * r.lastPass().level());
    // Step-up trials come first, then bisection between 1100 (pass) and 1600 (fail).
    assertEquals(List.of(100.0, 600.0, 1100.0, 1600.0), target.asked.subList(0, 4));
    assertEquals(target.asked.size(), r.trials().size());
    assertTrue(r.trials().size() <= 4 + 6, "trials " + r.trials().size());
  }

  @Test
  void aPassingGeneratorHiccupIsRepeatedAndTheSearchGoesOn() {
    KnownTarget flaky = new KnownTarget(1000, Double.POSITIVE_INFINITY) {
      boolean hiccupped;

      @Override
      public Trial atRate(double rate) {
        if (rate == 600 && !hiccupped) {
          hiccupped = true;
          asked.add(rate);
          return new Trial(rate, rate, rate, rate, 1, 30, 1, 40, 0, false, TrialOutcome.GENERATOR_BOUND, List.of("lag"), List.of());
        }
        return super.atRate(rate);
      }
    };
    SearchResult r = CapacitySearch.run(new SearchSettings(100, 2000, 500, 0.02), flaky);
    assertEquals(SearchResult.Status.FOUND, r.status());
    assertEquals(List.of(100.0, 600.0, 600.0, 1100.0), flaky.asked.subList(0, 4));
  }

  @Test
  void aFailureWhileTheGeneratorStalledIsConfirmedBeforeItBoundsTheSearch() {
    // At 1100/s the first run fails with the generator behind schedule too (a machine stall);
    // the repeat passes, so 1100 is a pass and the search goes on.
    KnownTarget stalled = new KnownTarget(1500, Double.POSITIVE_INFINITY) {
      boolean stalledOnce;

      @Override
      public Trial atRate(double rate) {
        if (rate == 1100 && !stalledOnce) {
          stalledOnce = true;
          asked.add(rate);
          return new Trial(rate, rate, rate, rate, 50, 120, 60, 40, 0, false, TrialOutcome.SLO_FAILED,
              List.of("objective missed"), List.of());
        }
        return super.atRate(rate);
      }
    };
    SearchResult r = CapacitySearch.run(new SearchSettings(100, 3000, 500, 0.02), stalled);
    assertEquals(SearchResult.Status.FOUND, r.status());
    assertEquals(List.of(100.0, 600.0, 1100.0, 1100.0, 1600.0), stalled.asked.subList(0, 5));
    assertTrue(r.capacity() >= 1500 / 1.02 && r.capacity() <= 1500, "capacity " + r.capacity());
  }

  @Test
  void maxRatePassingSaysAtLeastMax() {
    SearchResult r = CapacitySearch.run(new SearchSettings(100, 1000, 400, 0.02), new KnownTarget(5000, 1e9));
    assertEquals(SearchResult.Status.AT_LEAST_MAX, r.status());
    assertEquals(List.of(100.0, 500.0, 900.0, 1000.0), r.trials().stream().map(Trial::level).toList());
    assertTrue(Double.isNaN(r.capacity()));
  }

  @Test
  void minRateFailingSaysBelowMin() {
    SearchResult r = CapacitySearch.run(new SearchSettings(100, 1000, 100, 0.02), new KnownTarget(50, 1e9));
    assertEquals(SearchResult.Status.BELOW_MIN, r.status());
    assertEquals(1, r.trials().size());
    assertNull(r.lastPass());
  }

  @Test
  void generatorThatCannotReachTheNeededRateGivesNoCapacity() {
    SearchResult r = CapacitySearch.run(new SearchSettings(100, 5000, 500, 0.02), new KnownTarget(3000, 1800));
    assertEquals(SearchResult.Status.GENERATOR_BOUND, r.status());
    assertTrue(Double.isNaN(r.capacity()));
    assertEquals(2100.0, r.firstFail().level());
    assertEquals(1600.0, r.lastPass().level());
    // The generator-bound trial is repeated twice before the search gives up.
    assertEquals(List.of(100.0, 600.0, 1100.0, 1600.0, 2100.0, 2100.0, 2100.0), r.trials().stream().map(Trial::level).toList());
  }

  @Test
  void badSettingsNameTheOption() {
    assertEquals("--min-rate (500.0/s) must be below --max-rate (500.0/s)",
        assertThrows(IllegalArgumentException.class, () -> new SearchSettings(500, 500, 10, 0.02)).getMessage());
    assertEquals("--min-rate must be a rate above 0/s, got 0.0/s",
        assertThrows(IllegalArgumentException.class, () -> new SearchSettings(0, 500, 10, 0.02)).getMessage());
    assertEquals("--step must be a rate above 0/s, got -1.0/s",
        assertThrows(IllegalArgumentException.class, () -> new SearchSettings(1, 500, -1, 0.02)).getMessage());
    assertEquals("--precision must be above 0% and below 100%, got 150%",
        assertThrows(IllegalArgumentException.class, () -> new SearchSettings(1, 500, 1, 1.5)).getMessage());
  }

  @Test
  void scaleOutFitsOverReplicasAndPredicts() {
    // Replicas with a known USL: λ = 400, σ = 0.05, κ = 0.001.
    UslModel truth = new UslModel(0.05, 0.001, 400);
    List<Integer> replicas = List.of(1, 2, 4, 6);
    List<SearchResult> searches = new ArrayList<>();
    for (int n : replicas) {
      double c = truth.throughput(n);
      searches.add(CapacitySearch.run(new SearchSettings(c / 4, c * 4, c / 4, 0.001), new KnownTarget(c, 1e12)));
    }
    ScaleOut s = ScaleOut.analyse(replicas, searches, List.of(8, 16));
    assertEquals(0.05, s.usl().model().sigma(), 0.01);
    assertEquals(truth.throughput(16), s.predictions().get(1).capacity(), 0.02 * truth.throughput(16));
    assertTrue(s.predictions().get(0).low() <= s.predictions().get(0).capacity());
  }
}
