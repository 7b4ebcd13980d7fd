package io.perftwin.shaping;

import java.math.BigDecimal;
import java.time.Duration;

/** Formatting of shaping values with their units, {@code Locale.ROOT}, no trailing zeros. */
public final class Units {
  private Units() {}

  /** A plain decimal without exponent or trailing zeros, at most 6 fractional digits. */
  public static String number(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.toPlainString();
  }

  /** A ratio as a percentage: {@code 0.001 → "0.1%"}. */
  public static String percent(double ratio) {
    return number(ratio * 100) + "%";
  }

  /** A duration in the largest of s, ms, us that keeps it whole, else in us with decimals. */
  public static String duration(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0ms";
    }
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    return number(nanos / 1000.0) + "us";
  }

  /** A bit rate in the largest of gbit, mbit, kbit, bit that keeps it whole (tc's spelling). */
  public static String bitRate(long bitsPerSecond) {
    if (bitsPerSecond % 1_000_000_000L == 0) {
      return bitsPerSecond / 1_000_000_000L + "gbit";
    }
    if (bitsPerSecond % 1_000_000L == 0) {
      return bitsPerSecond / 1_000_000L + "mbit";
    }
    if (bitsPerSecond % 1_000L == 0) {
      return bitsPerSecond / 1_000L + "kbit";
    }
    return bitsPerSecond + "bit";
  }
}
