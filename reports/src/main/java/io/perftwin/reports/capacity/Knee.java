package io.perftwin.reports.capacity;

import java.util.OptionalInt;

/**
 * The knee of a measured curve, by the Kneedle method (Satopää, Albrecht, Irwin, Raghavan, 2011):
 * both axes normalised to [0, 1], the knee is the point farthest from the straight line joining
 * the first and last points, on the side the curve bends to. A curve that stays within
 * {@link #MIN_BEND} of that line has no knee.
 */
public final class Knee {
  private Knee() {}

  /** Least normalised distance from the chord for a point to count as a knee. */
  public static final double MIN_BEND = 0.05;

  /**
   * The knee of a rising curve that flattens (throughput against load): the index of the point
   * where added load stops paying off.
   *
   * @param x increasing loads
   * @param y the values measured at each load
   */
  public static OptionalInt ofFlattening(double[] x, double[] y) {
    return find(x, y, true);
  }

  /**
   * The knee of a rising curve that steepens (latency against offered rate): the index of the
   * last point before latency starts to climb fast.
   */
  public static OptionalInt ofSteepening(double[] x, double[] y) {
    return find(x, y, false);
  }

  private static OptionalInt find(double[] x, double[] y, boolean concave) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
    }
    int n = x.length;
    if (n < 3) {
      return OptionalInt.empty();
    }
    for (int i = 1; i < n; i++) {
      if (!(x[i] > x[i - 1])) {
        throw new IllegalArgumentException("x must be strictly increasing; x[" + i + "] = " + x[i] + " after " + x[i - 1]);
      }
    }
    double xMin = x[0];
    double xSpan = x[n - 1] - x[0];
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      yMin = Math.min(yMin, v);
      yMax = Math.max(yMax, v);
    }
    double ySpan = yMax - yMin;
    if (!(ySpan > 0)) {
      return OptionalInt.empty();
    }
    double y0 = (y[0] - yMin) / ySpan;
    double y1 = (y[n - 1] - yMin) / ySpan;
    int best = -1;
    double bestBend = MIN_BEND;
    for (int i = 1; i < n - 1; i++) {
      double xn = (x[i] - xMin) / xSpan;
      double yn = (y[i] - yMin) / ySpan;
      double chord = y0 + (y1 - y0) * xn;
      double bend = concave ? yn - chord : chord - yn;
      if (bend > bestBend) {
        bestBend = bend;
        best = i;
      }
    }
    return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
  }
}
