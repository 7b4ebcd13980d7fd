package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.reports.Slo;
import io.perftwin.reports.Slo.Comparison;
import io.perftwin.reports.Slo.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "in P% of D windows" suffix of an objective (objectives per time window). */
class SloWindowParserTest {
  private static final List<String> REQUESTS = List.of("home", "checkout");

  private static Slo parse(String text) throws ValueException {
    return SloParser.parse(text, REQUESTS);
  }

  @Test
  void aWindowedObjective() throws ValueException {
    assertEquals(new Slo("p99 < 200ms in 95% of 1m windows", null, Metric.PERCENTILE, 99, Comparison.LT, 200,
        new Slo.Window(60, 0.95)), parse("p99 < 200ms in 95% of 1m windows"));
    Slo s = parse("  checkout.errors < 1% in 99.5% of 30s windows ");
    assertEquals("checkout.errors < 1% in 99.5% of 30s windows", s.text());
    assertEquals("checkout", s.scope());
    assertEquals(0.01, s.threshold(), 1e-12);
    assertEquals(new Slo.Window(30, 0.995), s.window());
    assertEquals(new Slo.Window(10, 1.0), parse("throughput >= 100/s in 100% of 10s window").window());
  }

  @Test
  void withoutTheSuffixThereIsNoWindow() throws ValueException {
    assertEquals(null, parse("p99 < 200ms").window());
  }

  @Test
  void badWindowsSayWhatIsWrongAndWhere() {
    ValueException share = assertThrows(ValueException.class, () -> parse("p99 < 200ms in 95 of 1m windows"));
    assertTrue(share.getMessage().contains("share of windows"), share.getMessage());
    ValueException zero = assertThrows(ValueException.class, () -> parse("p99 < 200ms in 0% of 1m windows"));
    assertEquals("share of windows '0%' must be above 0% and at most 100%", zero.getMessage());
    ValueException fraction = assertThrows(ValueException.class, () -> parse("p99 < 200ms in 95% of 1500ms windows"));
    assertEquals("window '1500ms' must be a whole number of seconds, at least 1s", fraction.getMessage());
    ValueException unit = assertThrows(ValueException.class, () -> parse("p99 < 200ms in 95% of 1 windows"));
    assertTrue(unit.getMessage().contains("window"), unit.getMessage());
    ValueException inner = assertThrows(ValueException.class, () -> parse("hom.p99 < 200ms in 95% of 1m windows"));
    assertTrue(inner.getMessage().contains("unknown request 'hom'"), inner.getMessage());
  }
}
