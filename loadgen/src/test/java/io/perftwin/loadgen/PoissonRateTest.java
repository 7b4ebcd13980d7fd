package io.perftwin.loadgen;

import static io.perftwin.loadgen.Schedules.drain;
import static io.perftwin.loadgen.Schedules.nonDecreasing;
import static io.perftwin.loadgen.Schedules.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Poisson schedule is tested as a distribution: inter-arrival times must pass a one-sample
 * Kolmogorov–Smirnov test against the exponential CDF {@code F(x) = 1 − e^(−λx)} at α = 0.01, and
 * the count must be within 4 standard deviations of {@code λT}. The seed is fixed, so the test is
 * deterministic; a correct generator passes such a test for 99 % of seeds, a wrong distribution
 * (even a rate off by 5 %) fails it for practically all of them, which the last tests show.
 */
class PoissonRateTest {
  private static final long SEED = 42;

  /** Critical value of the KS statistic at α = 0.01 for n samples: √(−ln(α/2) / 2) / √n = 1.628 / √n. */
  static double ksCritical(int n) {
    return ksCritical(n, 0.01);
  }

  /**
   * Critical value of the one-sample KS statistic at significance {@code alpha} for {@code n}
   * samples, from the asymptotic Kolmogorov distribution, P(√n·D > c) ≈ 2·e^(−2c²): accurate to
   * well under 1 % of the value for n > 35, and every test here has thousands of samples.
   */
  static double ksCritical(int n, double alpha) {
    return Math.sqrt(-Math.log(alpha / 2) / 2) / Math.sqrt(n);
  }

  /** The KS statistic D = sup |F_n(x) − F(x)| of {@code samples} against Exp(rate per nanosecond). */
  static double ksStatistic(double[] samples, double ratePerNano) {
    double[] x = samples.clone();
    Arrays.sort(x);
    int n = x.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = 1 - Math.exp(-ratePerNano * x[i]);
      d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
    }
    return d;
  }

  static double[] gaps(List<Long> times) {
    double[] g = new double[times.size() - 1];
    for (int i = 1; i < times.size(); i++) {
      g[i - 1] = times.get(i) - times.get(i - 1);
    }
    return g;
  }

  /** |count − λT| within 4σ of a Poisson count (σ = √(λT)); a correct generator misses it with probability 6·10⁻⁵. */
  static void assertCountWithinFourSigma(double expected, long count, String what) {
    double tolerance = 4 * Math.sqrt(expected);
    assertTrue(Math.abs(count - expected) <= tolerance,
        what + ": " + count + " arrivals, expected " + expected + " ± " + tolerance);
  }

  @Test
  void interArrivalTimesAreExponential() {
    double rate = 1000;
    Duration d = Duration.ofSeconds(30);
    List<Long> times = drain(new PoissonRate(rate).schedule(d, 0, 1, SEED));
    double[] gaps = gaps(times);
    double statistic = ksStatistic(gaps, rate / 1e9);
    assertTrue(statistic < ksCritical(gaps.length),
        "KS D = " + statistic + " >= critical " + ksCritical(gaps.length) + " for n = " + gaps.length);
    assertCountWithinFourSigma(rate * 30, times.size(), "one share");
    assertTrue(nonDecreasing(times));
    assertTrue(times.get(0) > 0 && times.get(times.size() - 1) < d.toNanos());
  }

  @Test
  void theSharesTogetherArePoissonOfTheFullRate() {
    double rate = 800;
    Duration d = Duration.ofSeconds(30);
    PoissonRate poisson = new PoissonRate(rate);
    for (int share = 0; share < 4; share++) {
      // Each share is a Poisson process of rate / 4. Four tests on one seed: each at α = 0.01 / 4
      // (Bonferroni), so that the four together reject a correct generator with probability 0.01.
      // (At α = 0.01 each, share 2 of seed 42 fails, D = 0.02105 against 0.02073: over 1,600
      // share schedules of seeds 0–399 the rejection rate at α = 0.01 measured 1.1 %, as it should.)
      List<Long> part = drain(poisson.schedule(d, share, 4, SEED));
      assertCountWithinFourSigma(rate / 4 * 30, part.size(), "share " + share);
      double[] gaps = gaps(part);
      double statistic = ksStatistic(gaps, rate / 4 / 1e9);
      assertTrue(statistic < ksCritical(gaps.length, 0.01 / 4), "share " + share + ": KS D = " + statistic);
    }
    // ... and, being independent, their superposition is one of the full rate. Correlated shares
    // (the same seed for all) would make bunches of equal times and fail this.
    List<Long> merged = union(poisson, d, 4, SEED);
    assertCountWithinFourSigma(rate * 30, merged.size(), "4 shares together");
    double[] gaps = gaps(merged);
    double statistic = ksStatistic(gaps, rate / 1e9);
    assertTrue(statistic < ksCritical(gaps.length), "KS D = " + statistic + " for the superposition");
    assertEquals(rate * 30, poisson.expectedArrivals(d), 1e-9);
  }

  @Test
  void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
    PoissonRate poisson = new PoissonRate(200);
    Duration d = Duration.ofSeconds(2);
    assertEquals(drain(poisson.schedule(d, 1, 3, SEED)), drain(poisson.schedule(d, 1, 3, SEED)));
    assertNotEquals(drain(poisson.schedule(d, 1, 3, SEED)), drain(poisson.schedule(d, 1, 3, SEED + 1)));
    assertNotEquals(drain(poisson.schedule(d, 0, 3, SEED)), drain(poisson.schedule(d, 1, 3, SEED)));
  }

  @Test
  void theTestRejectsEvenlySpacedArrivals() {
    // The power of the test: constant gaps of exactly the mean give D = 1 − 1/e ≈ 0.63.
    double[] gaps = gaps(drain(new ConstantRate(1000).schedule(Duration.ofSeconds(10), 0, 1, 0)));
    assertTrue(ksStatistic(gaps, 1000 / 1e9) > 0.6);
  }

  @Test
  void theTestRejectsARateOffByFivePercent() {
    List<Long> times = drain(new PoissonRate(1050).schedule(Duration.ofSeconds(30), 0, 1, SEED));
    double[] gaps = gaps(times);
    assertTrue(ksStatistic(gaps, 1000 / 1e9) > ksCritical(gaps.length));
    assertTrue(Math.abs(times.size() - 30_000) > 4 * Math.sqrt(30_000), "the count test sees 5 % too");
  }

  @Test
  void describeAndValidation() {
    assertEquals("poissonRate 500/s", new PoissonRate(500).describe());
    assertThrows(IllegalArgumentException.class, () -> new PoissonRate(0));
    assertThrows(IllegalArgumentException.class, () -> new PoissonRate(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new PoissonRate(1).schedule(Duration.ofSeconds(1), -1, 2, 0));
  }
}
