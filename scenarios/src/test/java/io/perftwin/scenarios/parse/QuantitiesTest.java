package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.perftwin.scenarios.parse.Quantities.Bound;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

  @Test
  void values() throws ValueException {
    assertEquals(Duration.ofMillis(20), Quantities.duration("delay", "20ms", Bound.NON_NEGATIVE));
    assertEquals(Duration.ZERO, Quantities.duration("delay", "0s", Bound.NON_NEGATIVE));
    assertEquals(500, Quantities.ratePerSecond("constantRate", "500/s"));
    assertEquals(0.001, Quantities.percentRatio("loss", "0.1%"));
    assertEquals(100_000_000L, Quantities.bitsPerSecond("rate", "100mbit"));
  }

  @Test
  void boundsAreNamedAsChecked() {
    assertEquals("'timeout' must be > 0, got '0s'",
        assertThrows(ValueException.class, () -> Quantities.duration("timeout", "0s", Bound.POSITIVE)).getMessage());
    assertEquals("'delay' must be >= 0, got '-1ms'",
        assertThrows(ValueException.class, () -> Quantities.duration("delay", "-1ms", Bound.NON_NEGATIVE)).getMessage());
    assertEquals("'constantRate' must be > 0, got '-5/s'",
        assertThrows(ValueException.class, () -> Quantities.ratePerSecond("constantRate", "-5/s")).getMessage());
    assertEquals("'rate' must be > 0, got '0mbit'",
        assertThrows(ValueException.class, () -> Quantities.bitsPerSecond("rate", "0mbit")).getMessage());
    assertEquals("'loss' must be between 0% and 100%, got '-1%'",
        assertThrows(ValueException.class, () -> Quantities.percentRatio("loss", "-1%")).getMessage());
  }

  @Test
  void misspeltUnitsGetSuggestions() {
    assertEquals("did you mean '10s'?", suggestion(() -> Quantities.duration("t", "10sec", Bound.POSITIVE)));
    assertEquals("did you mean '1.5m'?", suggestion(() -> Quantities.duration("t", "1.5min", Bound.POSITIVE)));
    assertEquals("did you mean '500/s'?", suggestion(() -> Quantities.ratePerSecond("r", "500rps")));
    assertEquals("did you mean '500/s'?", suggestion(() -> Quantities.ratePerSecond("r", "500/sec")));
    assertEquals("did you mean '100mbit'?", suggestion(() -> Quantities.bitsPerSecond("r", "100mbit/s")));
    assertNull(suggestion(() -> Quantities.duration("t", "10", Bound.POSITIVE)), "a bare number has no safe guess");
  }

  @Test
  void tooLargeRate() {
    assertEquals("'constantRate' is too large, got '1e400/s'",
        assertThrows(ValueException.class, () -> Quantities.ratePerSecond("constantRate", "1e400/s")).getMessage());
  }

  private interface Call {
    Object run() throws ValueException;
  }

  private static String suggestion(Call c) {
    return assertThrows(ValueException.class, c::run).suggestion();
  }
}
