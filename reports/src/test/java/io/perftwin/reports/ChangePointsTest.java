package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** E-divisive means on series with known answers. Noise: Gaussian, 2% of the level (run-to-run p99 noise of a quiet service). */
class ChangePointsTest {
  private static double[] series(int length, int stepAt, double step, double noise, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] x = new double[length];
    for (int i = 0; i < length; i++) {
      double level = i < stepAt ? 10.0 : 10.0 * (1 + step);
      x[i] = level * (1 + noise * rng.nextGaussian());
    }
    return x;
  }

  @Test
  void oneEightPercentStepIn60RunsIsFoundAtItsIndex() {
    double[] x = series(60, 37, 0.08, 0.02, 1);
    List<ChangePoint> found = ChangePoints.detect(x, ChangePointSettings.DEFAULT);
    assertEquals(1, found.size(), found.toString());
    assertEquals(37, found.get(0).index());
    assertEquals(0.08, found.get(0).relativeChange(), 0.02);
    assertTrue(found.get(0).pValue() <= 0.01);
  }

  @Tag("slow")
  @Test
  void theStepIsFoundOnceAndCloseToItsIndexForEverySeed() {
    // With the step only 4 noise-sigmas high, a neighbouring run can look like the other side:
    // the index is exact in most trials and never more than 2 runs off.
    int exact = 0;
    for (int seed = 0; seed < 50; seed++) {
      int at = 20 + seed % 20;
      List<ChangePoint> found = ChangePoints.detect(series(60, at, 0.08, 0.02, 100 + seed), ChangePointSettings.DEFAULT);
      assertEquals(1, found.size(), "seed " + seed + ": " + found);
      assertTrue(Math.abs(found.get(0).index() - at) <= 2, "seed " + seed + ": " + found);
      if (found.get(0).index() == at) {
        exact++;
      }
    }
    assertTrue(exact >= 40, exact + " of 50 exact");
  }

  @Tag("slow")
  @Test
  void aFlatNoisySeriesHasNoChangePointIn95PercentOfSeededTrials() {
    int quiet = 0;
    for (int trial = 0; trial < 100; trial++) {
      ChangePointSettings s = new ChangePointSettings(199, 0.01, 3, 1000 + trial);
      if (ChangePoints.detect(series(60, 60, 0, 0.02, 5000 + trial), s).isEmpty()) {
        quiet++;
      }
    }
    assertTrue(quiet >= 95, quiet + " of 100 flat series had no change point");
  }

  @Test
  void twoStepsAreBothFound() {
    double[] x = series(90, 30, 0.10, 0.02, 3);
    for (int i = 60; i < 90; i++) {
      x[i] *= 0.85;
    }
    List<ChangePoint> found = ChangePoints.detect(x, ChangePointSettings.DEFAULT);
    assertEquals(List.of(30, 60), found.stream().map(ChangePoint::index).toList());
  }

  @Test
  void tooShortASeriesHasNone() {
    assertTrue(ChangePoints.detect(new double[] {1, 2, 3, 10, 11}, ChangePointSettings.DEFAULT).isEmpty());
    assertTrue(ChangePoints.detect(new double[0], ChangePointSettings.DEFAULT).isEmpty());
  }
}
