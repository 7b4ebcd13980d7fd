package io.perftwin.infra;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Formats and reads durations the way scenario files write them ({@code 2ms}, {@code 1.5ms}, {@code 250us}). */
final class DemoDurations {
  private DemoDurations() {}

  private static final Pattern DURATION = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ns|us|µs|ms|s|m)\\s*");

  static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos % 1_000_000L == 0) {
      return (nanos / 1_000_000L) + "ms";
    }
    return new BigDecimal(nanos).movePointLeft(3).stripTrailingZeros().toPlainString() + "us";
  }

  /**
   * Reads {@code 2ms}, {@code 1.5ms}, {@code 250us}, {@code 100ns}, {@code 1s}, {@code 1m}.
   *
   * @param field the setting's name, for the message
   * @throws IllegalArgumentException naming {@code field} and the accepted units
   */
  static Duration parse(String field, String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(field + " must be a duration with a unit (ns, us, ms, s, m), e.g. 2ms, got '"
          + (text == null ? "" : text.strip()) + "'");
    }
    long unitNanos = switch (m.group(2)) {
      case "ns" -> 1L;
      case "us", "µs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      default -> 60_000_000_000L;
    };
    BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos));
    try {
      return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(field + " is too large: '" + text.strip() + "'", e);
    }
  }
}
