package io.perftwin.loadgen;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting shared by descriptions and reports; always {@link Locale#ROOT}. */
public final class Formats {
  private Formats() {}

  /** A number without a trailing {@code .0}: {@code 500}, {@code 12.5}, {@code 0.001}. */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** A number rounded to {@code decimals} places, as in {@code 12.35}. */
  public static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
