package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void durations() {
    assertEquals(Duration.ofMillis(20), Units.duration("20ms"));
    assertEquals(Duration.ofMillis(1500), Units.duration("1.5s"));
    assertEquals(Duration.ofNanos(250_000), Units.duration("250us"));
    assertEquals(Duration.ofMinutes(2), Units.duration("2m"));
    assertEquals(Duration.ofHours(1), Units.duration("1h"));
  }

  @Test
  void durationErrorsSayWhatIsAllowed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.duration("20"));
    assertEquals("'20' has no unit: expected " + Units.DURATION_HELP, e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Units.duration("-5ms"));
    assertEquals("'-5ms' is negative: expected " + Units.DURATION_HELP, e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Units.duration("5 fortnights"));
    assertEquals("unknown unit 'fortnights' in '5 fortnights': expected " + Units.DURATION_HELP, e.getMessage());
  }

  @Test
  void ratesPercentsBitrates() {
    assertEquals(500.0, Units.ratePerSecond("500/s"));
    assertEquals(0.5, Units.ratePerSecond("30/m"));
    assertEquals(0.001, Units.percentRatio("0.1%"), 1e-15);
    assertEquals(100_000_000L, Units.bitsPerSecond("100mbit"));
    assertEquals(8_000_000L, Units.bitsPerSecond("1mbps"));
    assertThrows(IllegalArgumentException.class, () -> Units.bitsPerSecond("fast"));
    assertThrows(IllegalArgumentException.class, () -> Units.percentRatio("0.1"));
  }

  @Test
  void formatRoundTrips() {
    for (String s : new String[] {"20ms", "1.5s", "250us", "30s", "2.5ms"}) {
      assertEquals(s, Units.format(Units.duration(s)));
    }
  }
}
