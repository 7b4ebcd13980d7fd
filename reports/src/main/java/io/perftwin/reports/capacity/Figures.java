package io.perftwin.reports.capacity;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting for the capacity reports. */
final class Figures {
  private Figures() {}

  /** Up to 4 significant digits, no exponent for ordinary sizes, {@code Locale.ROOT}. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e9)) {
      return String.format(Locale.ROOT, "%.4g", v);
    }
    return new BigDecimal(v).round(new java.math.MathContext(Math.abs(v) >= 1000 ? 6 : 4)).stripTrailingZeros().toPlainString();
  }

  static String rate(double v) {
    return String.format(Locale.ROOT, "%.1f/s", v);
  }
}
