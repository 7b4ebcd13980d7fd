package io.perftwin.infra;

import java.math.BigDecimal;
import java.time.Duration;

/** Formats durations the way scenario files write them. */
final class DemoDurations {
  private DemoDurations() {}

  static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos % 1_000_000L == 0) {
      return (nanos / 1_000_000L) + "ms";
    }
    return new BigDecimal(nanos).movePointLeft(3).stripTrailingZeros().toPlainString() + "us";
  }
}
