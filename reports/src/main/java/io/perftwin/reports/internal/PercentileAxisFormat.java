package io.perftwin.reports.internal;

import io.perftwin.loadgen.Formats;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Labels of the percentile axis. Positions on the axis are {@code log10(1 / (1 - p))} for a
 * fraction {@code p}, so 0 reads {@code 0%}, 1 reads {@code 90%}, 2 {@code 99%}, 3 {@code 99.9%}.
 */
final class PercentileAxisFormat extends NumberFormat {

  /** The axis position of a percentile (0–100); infinite at 100. */
  static double position(double percentile) {
    return -Math.log10(1 - percentile / 100.0);
  }

  @Override
  public StringBuffer format(double position, StringBuffer to, FieldPosition pos) {
    double percent = 100 * (1 - Math.pow(10, -position));
    int decimals = Math.max(0, (int) Math.ceil(position - 1e-9) - 2);
    return to.append(Formats.fixed(percent, decimals)).append('%');
  }

  @Override
  public StringBuffer format(long position, StringBuffer to, FieldPosition pos) {
    return format((double) position, to, pos);
  }

  @Override
  public Number parse(String source, ParsePosition parsePosition) {
    return null; // labels are never parsed back
  }
}
