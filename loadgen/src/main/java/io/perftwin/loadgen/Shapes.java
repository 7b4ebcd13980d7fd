package io.perftwin.loadgen;

import java.time.Duration;
import java.util.Locale;

/** Argument checks and formatting shared by the shapes. */
final class Shapes {
  private Shapes() {}

  static void checkShare(int share, int shares) {
    if (shares < 1) {
      throw new IllegalArgumentException("shares must be >= 1, was " + shares);
    }
    if (share < 0 || share >= shares) {
      throw new IllegalArgumentException("share " + share + " is not in [0, " + shares + ")");
    }
  }

  static long positiveNanos(Duration duration) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be > 0, was " + duration);
    }
    return duration.toNanos();
  }

  /** A rate that must be {@code >= 0} and finite. */
  static void checkNonNegativeRate(String what, double ratePerSecond) {
    if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException(what + " must be >= 0 and finite, was " + ratePerSecond);
    }
  }

  /** {@code 100/s}. */
  static String rate(double ratePerSecond) {
    return String.format(Locale.ROOT, "%s/s", Formats.number(ratePerSecond));
  }
}
