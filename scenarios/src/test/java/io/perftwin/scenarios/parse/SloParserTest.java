package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.reports.Slo;
import io.perftwin.reports.Slo.Comparison;
import io.perftwin.reports.Slo.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloParserTest {
  private static final List<String> REQUESTS = List.of("home", "checkout");

  private static Slo parse(String text) throws ValueException {
    return SloParser.parse(text, REQUESTS);
  }

  private static ValueException error(String text) {
    return assertThrows(ValueException.class, () -> parse(text));
  }

  @Test
  void percentiles() throws ValueException {
    assertEquals(new Slo("p99 < 50ms", null, Metric.PERCENTILE, 99, Comparison.LT, 50), parse("p99 < 50ms"));
    assertEquals(new Slo("p50<=2.5ms", null, Metric.PERCENTILE, 50, Comparison.LE, 2.5), parse("p50<=2.5ms"));
    assertEquals(new Slo("p99.9 < 1s", null, Metric.PERCENTILE, 99.9, Comparison.LT, 1000), parse("p99.9 < 1s"));
    assertEquals(new Slo("p99.99 < 250us", null, Metric.PERCENTILE, 99.99, Comparison.LT, 0.25), parse("p99.99 < 250us"));
  }

  @Test
  void scopeIsTheRequestNameBeforeTheFirstDot() throws ValueException {
    Slo s = parse("checkout.p99.9 < 200ms");
    assertEquals("checkout", s.scope());
    assertEquals(99.9, s.percentile());
    assertEquals(200, s.threshold());
    assertEquals("home", parse("home.max < 1s").scope());
  }

  @Test
  void otherMetricsAndTheirUnits() throws ValueException {
    assertEquals(new Slo("mean < 20ms", null, Metric.MEAN, Double.NaN, Comparison.LT, 20), parse("mean < 20ms"));
    assertEquals(new Slo("max <= 2s", null, Metric.MAX, Double.NaN, Comparison.LE, 2000), parse("max <= 2s"));
    assertEquals(new Slo("errors < 0.1%", null, Metric.ERRORS, Double.NaN, Comparison.LT, 0.001), parse("errors < 0.1%"));
    assertEquals(new Slo("throughput >= 495/s", null, Metric.THROUGHPUT, Double.NaN, Comparison.GE, 495),
        parse("throughput >= 495/s"));
    assertEquals(2, parse("home.throughput > 120/m").threshold(), 1e-12);
    assertEquals(0, parse("throughput > 0/s").threshold());
  }

  @Test
  void aNoteInParenthesesAtTheEndIsKeptInTheTextOnly() throws ValueException {
    assertEquals(new Slo("checkout.p99 < 200ms (OpenSLO checkout-latency)", "checkout", Metric.PERCENTILE, 99,
        Comparison.LT, 200), parse("checkout.p99 < 200ms (OpenSLO checkout-latency)"));
    assertEquals(new Slo("p99 < 2s in 95% of 1m windows (ok)", null, Metric.PERCENTILE, 99, Comparison.LT, 2000,
        new Slo.Window(60, 0.95)), parse("p99 < 2s in 95% of 1m windows (ok)"));
    assertEquals("unknown metric 'p99x' in SLO 'p99x < 2s'", error("p99x < 2s (note)").getMessage());
  }

  @Test
  void textIsKeptAsWrittenButTrimmed() throws ValueException {
    assertEquals("p99  <  50ms", parse("  p99  <  50ms \t").text());
  }

  @Test
  void unknownRequestGetsTheNamesAndASuggestionAndPointsAtTheName() {
    ValueException e = error("  chekout.p99 < 200ms");
    assertEquals("unknown request 'chekout' in SLO 'chekout.p99 < 200ms'", e.getMessage());
    assertEquals(REQUESTS, e.allowed());
    assertEquals("did you mean 'checkout'?", e.suggestion());
    assertEquals(2, e.offset());
    assertEquals(7, e.length());
  }

  @Test
  void allIsNotAScopeButTheDefault() {
    ValueException e = error("all.p99 < 50ms");
    assertEquals("leave out the scope to mean all requests: 'p99 < 50ms'", e.suggestion());
  }

  @Test
  void scopesAreNotCheckedWithoutRequestNames() throws ValueException {
    assertEquals("anything", SloParser.parse("anything.p99 < 1ms", null).scope());
  }

  @Test
  void unitMismatchSaysWhatTheMetricNeeds() {
    ValueException e = error("errors < 50ms");
    assertEquals("'errors' must be a percentage (e.g. 0.1%), got '50ms'", e.getMessage());
    assertEquals(9, e.offset());
    assertEquals(4, e.length());
    assertEquals("'p99' must be a duration with a unit: ns, us, ms, s, m or h (e.g. 20ms, 1.5s), got '5%'",
        error("p99 < 5%").getMessage());
    assertEquals("'throughput' must be a rate with a unit: /s, /m or /h (e.g. 500/s), got '500'",
        error("throughput > 500").getMessage());
    assertEquals("'max' must be >= 0, got '-1ms'", error("max < -1ms").getMessage());
    assertEquals("'errors' must be between 0% and 100%, got '120%'", error("errors < 120%").getMessage());
  }

  @Test
  void unknownMetric() {
    ValueException e = error("mena < 5ms");
    assertEquals("unknown metric 'mena' in SLO 'mena < 5ms'", e.getMessage());
    assertEquals(SloParser.METRICS, e.allowed());
    assertEquals("did you mean 'mean'?", e.suggestion());
    assertEquals("did you mean 'mean'?", error("avg < 5ms").suggestion());
    assertEquals("did you mean 'p99'?", error("P99 < 5ms").suggestion());
    assertEquals("did you mean 'errors'?", error("checkout.error < 1%").suggestion());
  }

  @Test
  void percentileOutOfRange() {
    assertEquals("percentile 'p100' must be between p0 and p100 (exclusive)", error("p100 < 1s").getMessage());
    assertEquals("percentile 'p0' must be between p0 and p100 (exclusive)", error("p0 < 1s").getMessage());
  }

  @Test
  void badComparisons() {
    ValueException e = error("p99 =< 5ms");
    assertEquals("unknown comparison '=<' in SLO 'p99 =< 5ms'", e.getMessage());
    assertEquals(List.of("<", "<=", ">", ">="), e.allowed());
    assertEquals("did you mean '<='?", e.suggestion());
    assertEquals(4, e.offset());
    assertEquals("unknown comparison '==' in SLO 'errors == 0%'", error("errors == 0%").getMessage());
    assertTrue(error("p99 50ms").getMessage().startsWith("no comparison in SLO 'p99 50ms': expected [<request>.]<metric> <op> <value>"));
    assertTrue(error("< 50ms").getMessage().startsWith("missing metric before '<'"));
    assertTrue(error("p99 <").getMessage().startsWith("missing value after '<'"));
    assertTrue(error("   ").getMessage().startsWith("empty SLO"));
    assertTrue(error(".p99 < 1ms").getMessage().startsWith("missing request name before '.'"));
  }
}
