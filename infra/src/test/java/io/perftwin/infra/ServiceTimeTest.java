package io.perftwin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ServiceTimeTest {

  private static long[] sorted(ServiceTime t, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] xs = new long[n];
    for (int i = 0; i < n; i++) {
      xs[i] = t.sampleNanos(r);
    }
    Arrays.sort(xs);
    return xs;
  }

  @Test
  void lognormalFromMedianAndP99HasThatMedianAndP99() {
    ServiceTime.LogNormal t = ServiceTime.LogNormal.ofMedianAndP99(Duration.ofMillis(2), Duration.ofMillis(20));
    int n = 200_000;
    long[] xs = sorted(t, n, 42);
    double median = xs[n / 2] / 1e6;
    double p99 = xs[(int) (n * 0.99)] / 1e6;
    // Sampling error of a quantile at n = 200,000 is well under 2% here; 5% leaves room.
    assertEquals(2.0, median, 2.0 * 0.05, "median ms");
    assertEquals(20.0, p99, 20.0 * 0.05, "p99 ms");
    assertEquals(Duration.ofMillis(20), t.p99());
    double mean = Arrays.stream(xs).average().orElseThrow();
    assertEquals(t.mean().toNanos(), mean, t.mean().toNanos() * 0.05, "sample mean vs median·e^(σ²/2)");
  }

  @Test
  void lognormalFromMeanAndSigmaHasThatMean() {
    ServiceTime.LogNormal t = ServiceTime.LogNormal.ofMeanAndSigma(Duration.ofMillis(3), 0.5);
    assertEquals(3_000_000, t.mean().toNanos(), 1);
    double mean = Arrays.stream(sorted(t, 100_000, 7)).average().orElseThrow();
    assertEquals(3e6, mean, 3e6 * 0.03);
  }

  @Test
  void samplingIsSeeded() {
    ServiceTime t = ServiceTime.parse("lognormal(median=2ms, sigma=0.8)");
    assertTrue(Arrays.equals(sorted(t, 1000, 5), sorted(t, 1000, 5)));
    assertTrue(!Arrays.equals(sorted(t, 1000, 5), sorted(t, 1000, 6)));
  }

  @Test
  void parsesEveryForm() {
    assertEquals(new ServiceTime.Exponential(Duration.ofMillis(2)), ServiceTime.parse("exponential(2ms)"));
    assertEquals(new ServiceTime.Constant(Duration.ofNanos(1_500_000)), ServiceTime.parse("1.5ms"));
    assertEquals(new ServiceTime.Constant(Duration.ofMillis(2)), ServiceTime.parse(" constant( 2ms ) "));
    assertEquals(new ServiceTime.Constant(Duration.ofMillis(250)), ServiceTime.parse("constant(250000us)"));
    assertEquals(new ServiceTime.LogNormal(Duration.ofMillis(2), 0.5), ServiceTime.parse("lognormal(median=2ms, sigma=0.5)"));
    assertEquals(ServiceTime.LogNormal.ofMedianAndP99(Duration.ofMillis(2), Duration.ofMillis(20)),
        ServiceTime.parse("lognormal(p99=20ms, median=2ms)"));
    assertEquals(ServiceTime.LogNormal.ofMeanAndSigma(Duration.ofMillis(3), 0.25),
        ServiceTime.parse("lognormal(mean=3ms,sigma=0.25)"));
  }

  @Test
  void describeRoundTrips() {
    for (String text : new String[] {"constant(2ms)", "exponential(250us)", "lognormal(median=2ms, sigma=0.5)"}) {
      assertEquals(text, ServiceTime.parse(text).describe());
    }
    ServiceTime fromP99 = ServiceTime.parse("lognormal(median=2ms, p99=20ms)");
    assertEquals("lognormal(median=2ms, sigma=0.9897853707470159)", fromP99.describe());
    assertEquals(fromP99, ServiceTime.parse(fromP99.describe()));
  }

  private static String error(String field, String text) {
    return assertThrows(IllegalArgumentException.class, () -> ServiceTime.parse(field, text)).getMessage();
  }

  @Test
  void badTextNamesTheFieldAndWhatIsAllowed() {
    assertEquals("endpoints[0].serviceTime: unknown distribution 'normal'; allowed: constant, exponential, lognormal",
        error("endpoints[0].serviceTime", "normal(2ms)"));
    assertTrue(error("serviceTime", "fast").startsWith("serviceTime must be one of constant(D), exponential(D), "
        + "lognormal(median=D, p99=D)"));
    assertEquals("serviceTime must be a duration with a unit (ns, us, ms, s, m), e.g. 2ms, got '2'",
        error("serviceTime", "constant(2)"));
    assertEquals("serviceTime: exponential mean must be > 0, got 0ms", error("serviceTime", "exponential(0ms)"));
    assertEquals("serviceTime: lognormal needs median=D with p99=D, median=D with sigma=S, or mean=D with sigma=S;"
        + " got [median]", error("serviceTime", "lognormal(median=2ms)"));
    assertEquals("serviceTime: lognormal p99 must be > median, was p99=1ms median=2ms",
        error("serviceTime", "lognormal(median=2ms, p99=1ms)"));
    assertEquals("serviceTime: lognormal sigma must be > 0 and <= 3.0, was -1.0",
        error("serviceTime", "lognormal(median=2ms, sigma=-1)"));
    assertEquals("serviceTime sigma must be a number > 0 and <= 3.0, got 'wide'",
        error("serviceTime", "lognormal(median=2ms, sigma=wide)"));
    assertEquals("serviceTime: lognormal takes key=value pairs, median=D with p99=D or sigma=S, or mean=D with sigma=S;"
        + " got 'p50=2ms'", error("serviceTime", "lognormal(p50=2ms, p99=3ms)"));
    assertTrue(error("serviceTime", "lognormal(median=1ms, p99=10s)").contains("p99 must be at most 1074 × median"));
  }
}
