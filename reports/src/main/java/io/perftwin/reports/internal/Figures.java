package io.perftwin.reports.internal;

import io.perftwin.loadgen.Formats;
import io.perftwin.reports.SloResult;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How reports round and print numbers; {@link java.util.Locale#ROOT} throughout (via {@link Formats}). */
public final class Figures {
  private Figures() {}

  /** Decimals kept in summary.json for milliseconds, rates and seconds. */
  public static final int JSON_DECIMALS = 3;

  /**
   * Decimals kept in summary.json for ratios: an error objective of 0.01% is 0.0001, which
   * three decimals would print as 0.
   */
  public static final int JSON_RATIO_DECIMALS = 6;

  /** Printed where a value does not exist (nothing was measured). */
  public static final String MISSING = "-";

  /**
   * A number of summary.json: {@value #JSON_RATIO_DECIMALS} decimals for ratios, else
   * {@value #JSON_DECIMALS}; {@code null} for NaN. A decimal, so that JSON shows {@code 0.000167}
   * rather than {@code 1.67E-4}; trailing zeros dropped, but at least one decimal ({@code 500.0}).
   */
  public static BigDecimal json(double value, String unit) {
    return decimal(value, "ratio".equals(unit) ? JSON_RATIO_DECIMALS : JSON_DECIMALS);
  }

  /** A number of summary.json with {@value #JSON_DECIMALS} decimals; see {@link #json(double, String)}. */
  public static BigDecimal json(double value) {
    return decimal(value, JSON_DECIMALS);
  }

  private static BigDecimal decimal(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return null;
    }
    BigDecimal r = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    return r.scale() < 1 ? r.setScale(1) : r;
  }

  /** Milliseconds in a table column: two decimals, {@value #MISSING} when absent. */
  public static String millis(double ms) {
    return Double.isFinite(ms) ? Formats.fixed(ms, 2) : MISSING;
  }

  /** A rate per second in a table column: one decimal. */
  public static String rate(double perSecond) {
    return Double.isFinite(perSecond) ? Formats.fixed(perSecond, 1) : MISSING;
  }

  /** A measured value with its unit, as people read it: {@code 73.2 ms}, {@code 0.05%}, {@code 500.4/s}. */
  public static String actual(SloResult result) {
    double v = result.actual();
    if (result.slo().window() != null) {
      return Double.isFinite(v) ? Formats.number(rounded(v * 100, 2)) + "% of " + result.windows() + " windows ("
          + result.windowsMet() + " met)" : "n/a (no window with requests)";
    }
    if (!Double.isFinite(v)) {
      return "n/a (no completed requests)";
    }
    return switch (result.slo().metric()) {
      case PERCENTILE, MEAN, MAX -> Formats.number(rounded(v, 3)) + " ms";
      case ERRORS -> Formats.number(rounded(v * 100, 4)) + "%";
      case THROUGHPUT -> Formats.number(rounded(v, 1)) + "/s";
    };
  }

  /** Half-up rounding of a finite value, for printing. */
  private static double rounded(double value, int decimals) {
    double r = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    return r == 0 ? 0.0 : r; // no "-0"
  }

  /** A relative change as people read it: {@code +10.3%}, {@code -2.0%}; {@value #MISSING} when unknown. */
  public static String change(double ratio) {
    if (!Double.isFinite(ratio)) {
      return MISSING;
    }
    double pct = rounded(ratio * 100, 1);
    return (pct > 0 ? "+" : "") + Formats.fixed(pct, 1) + "%";
  }

  /** A confidence interval of a relative change: {@code [+8.1%, +12.5%]}; empty when unknown. */
  public static String interval(double low, double high) {
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      return "";
    }
    return "[" + change(low) + ", " + change(high) + "]";
  }

  /** A p-value: {@code 0.0123}, {@code < 0.0001}. */
  public static String pValue(double p) {
    if (!Double.isFinite(p)) {
      return MISSING;
    }
    return p < 0.0001 ? "< 0.0001" : Formats.fixed(p, 4);
  }

  /** {@code PASS} or {@code FAIL}. */
  public static String passFail(boolean pass) {
    return pass ? "PASS" : "FAIL";
  }
}
