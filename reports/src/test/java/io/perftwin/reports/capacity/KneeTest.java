package io.perftwin.reports.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class KneeTest {

  @Test
  void saturatingThroughputHasItsKneeWhereGrowthStops() {
    // Linear up to 10, then flat: the knee is at load 10.
    double[] x = new double[20];
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i] = i + 1;
      y[i] = 100 * Math.min(x[i], 10);
    }
    OptionalInt k = Knee.ofFlattening(x, y);
    assertEquals(10.0, x[k.getAsInt()]);
  }

  @Test
  void latencyHockeyStickHasItsKneeBeforeTheClimb() {
    // M/M/1-like: response time 1/(μ−λ) with μ = 1000; the knee sits where the curve bends up.
    double[] x = new double[19];
    double[] y = new double[19];
    for (int i = 0; i < 19; i++) {
      x[i] = 50.0 * (i + 1);
      y[i] = 1000.0 / (1000 - x[i]);
    }
    int k = Knee.ofSteepening(x, y).getAsInt();
    // Kneedle on 1/(1−ρ) sampled to ρ = 0.95 puts the knee at ρ = 0.8.
    assertEquals(800.0, x[k]);
  }

  @Test
  void aStraightLineHasNoKnee() {
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {10, 20, 30, 40, 50};
    assertFalse(Knee.ofFlattening(x, y).isPresent());
    assertFalse(Knee.ofSteepening(x, y).isPresent());
  }

  @Test
  void unorderedLoadsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Knee.ofFlattening(new double[] {1, 3, 2}, new double[] {1, 2, 3}));
    assertEquals("x must be strictly increasing; x[2] = 2.0 after 3.0", e.getMessage());
  }
}
