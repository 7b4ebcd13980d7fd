package io.perftwin.shaping.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.shaping.proxy.internal.DelayDistribution;
import io.perftwin.shaping.proxy.internal.DelayLine;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Delay sampling and the release schedule, without sockets. */
class DelayTest {
  private static final long MS = 1_000_000L;

  @Test
  void samplesFollowEachDistributionsQuantiles() {
    for (String distribution : new String[] {"uniform", "normal", "pareto", "paretonormal"}) {
      DelayDistribution d = new DelayDistribution(20 * MS, 5 * MS, distribution, 0, new SplittableRandom(7));
      long[] samples = new long[200_000];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = d.nextNanos();
      }
      Arrays.sort(samples);
      for (double p : new double[] {0.1, 0.5, 0.9, 0.99}) {
        long expected = d.quantileNanos(p);
        long actual = samples[(int) (p * samples.length)];
        assertTrue(Math.abs(actual - expected) < 0.15 * MS,
            distribution + " p" + p + ": sampled " + actual / 1e6 + " ms, expected " + expected / 1e6 + " ms");
      }
    }
  }

  @Test
  void quantilesHaveNetemsShapes() {
    assertEquals(15 * MS, new DelayDistribution(20 * MS, 5 * MS, "uniform", 0, new SplittableRandom(1)).quantileNanos(0));
    assertEquals(1.6449, DelayDistribution.standardQuantile("normal", 0.95), 1e-3);
    // Pareto, shape 3, scale 1, shifted by its mean 1.5 and scaled by 4/3: median = (2^(1/3) - 1.5) * 4/3.
    assertEquals((Math.cbrt(2) - 1.5) * 4 / 3, DelayDistribution.standardQuantile("pareto", 0.5), 1e-9);
    assertEquals(32767.0 / 8192, DelayDistribution.standardQuantile("pareto", 0.999999), 1e-9, "clamped like the table");
    assertEquals(0, new DelayDistribution(MS, 5 * MS, "normal", 0, new SplittableRandom(1)).quantileNanos(0.01),
        "negative delays clamp to 0");
  }

  @Test
  void correlationMakesConsecutiveSamplesAlike() {
    double plain = lagOneCorrelation(0);
    double correlated = lagOneCorrelation(0.75);
    assertTrue(Math.abs(plain) < 0.02, "uncorrelated lag-1 correlation " + plain);
    assertTrue(correlated > 0.5, "correlation 0.75 gives lag-1 correlation " + correlated);
  }

  @Test
  void sameSeedSameSamples() {
    DelayDistribution a = new DelayDistribution(20 * MS, 5 * MS, "normal", 0.2, new SplittableRandom(99));
    DelayDistribution b = new DelayDistribution(20 * MS, 5 * MS, "normal", 0.2, new SplittableRandom(99));
    for (int i = 0; i < 1000; i++) {
      assertEquals(a.nextNanos(), b.nextNanos());
    }
  }

  @Test
  void releasesKeepOrderAndAddTransmissionTime() {
    DelayLine line = new DelayLine();
    assertEquals(30 * MS, line.release(0, 30 * MS, 0));
    assertEquals(30 * MS, line.release(MS, 5 * MS, 0), "a shorter delay does not overtake the chunk ahead");
    assertEquals(50 * MS, line.release(40 * MS, 10 * MS, 0));
    DelayLine rate = new DelayLine();
    assertEquals(10 * MS, rate.release(0, 0, 10 * MS));
    assertEquals(20 * MS, rate.release(0, 0, 10 * MS), "the second chunk waits for the link");
    assertEquals(110 * MS, rate.release(100 * MS, 0, 10 * MS), "an idle link starts at arrival");
  }

  private static double lagOneCorrelation(double rho) {
    DelayDistribution d = new DelayDistribution(20 * MS, 5 * MS, "uniform", rho, new SplittableRandom(3));
    int n = 50_000;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = d.nextNanos();
    }
    double mean = Arrays.stream(x).average().orElseThrow();
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      den += (x[i] - mean) * (x[i] - mean);
      if (i > 0) {
        num += (x[i] - mean) * (x[i - 1] - mean);
      }
    }
    return num / den;
  }
}
