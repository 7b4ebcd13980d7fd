package io.perftwin.scenarios.cli;

import io.perftwin.reports.ComparisonSettings;

/** Small values of the reporting commands' options. */
final class CliValues {
  private CliValues() {}

  /** {@code 5%} → 0.05. */
  static double percent(String option, String text) {
    String t = text.strip();
    if (!t.endsWith("%")) {
      throw new IllegalArgumentException(option + " must be a percentage such as 5%, got '" + text + "'");
    }
    try {
      double v = Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100;
      if (!(v >= 0 && v < 10)) {
        throw new IllegalArgumentException(option + " must be between 0% and 1000%, got '" + text + "'");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a percentage such as 5%, got '" + text + "'");
    }
  }

  /** The default comparison settings with {@code --min-effect} applied when given. */
  static ComparisonSettings comparison(String minEffect) {
    ComparisonSettings s = ComparisonSettings.DEFAULT;
    return minEffect == null ? s : s.withMinEffect(percent("--min-effect", minEffect));
  }
}
