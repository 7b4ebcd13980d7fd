package io.perftwin.shaping;

import java.time.Duration;
import java.util.Locale;

/** Validation shared by the profile records; messages name the field and what is allowed. */
final class Checks {
  private Checks() {}

  static void ratio(String field, double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException(field + " must be between 0% and 100%, was " + percent(ratio));
    }
  }

  static void ratio(String field, Double ratio) {
    if (ratio != null) {
      ratio(field, ratio.doubleValue());
    }
  }

  static void nonNegative(String field, Duration d) {
    if (d != null && d.isNegative()) {
      throw new IllegalArgumentException(field + " must be >= 0, was " + Units.duration(d));
    }
  }

  static void positive(String field, Duration d) {
    if (d != null && (d.isNegative() || d.isZero())) {
      throw new IllegalArgumentException(field + " must be > 0, was " + Units.duration(d));
    }
  }

  static void positive(String field, Long value) {
    if (value != null && value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, was " + value);
    }
  }

  static String percent(double ratio) {
    if (Double.isNaN(ratio)) {
      return "NaN";
    }
    return String.format(Locale.ROOT, "%s%%", Units.number(ratio * 100));
  }
}
