package io.perftwin.loadgen.results;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The one histogram shape used for every latency in perftwin: nanoseconds, 3 significant
 * digits, from 1 µs resolution up to one hour. Values outside are clamped by the recorder.
 */
public final class Histograms {
  private Histograms() {}

  public static final long LOWEST_DISCERNIBLE_NANOS = 1_000;
  public static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);
  public static final int SIGNIFICANT_DIGITS = 3;

  public static Histogram create() {
    return new Histogram(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
  }

  /** Nanoseconds to milliseconds. */
  public static double millis(long nanos) {
    return nanos / 1e6;
  }

  /** The value at a percentile (0–100), in milliseconds; NaN for an empty histogram. */
  public static double percentileMillis(Histogram h, double percentile) {
    if (h.getTotalCount() == 0) {
      return Double.NaN;
    }
    return millis(h.getValueAtPercentile(percentile));
  }
}
