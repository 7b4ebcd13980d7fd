package io.perftwin.reports.internal;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The recorded buckets of a histogram, compactly: ascending values (each bucket's highest
 * equivalent value, nanoseconds) and their counts. A few kilobytes where the histogram itself
 * holds ~200 KB of mostly-zero counts, so thousands of them fit in memory.
 */
public final class SparseCounts {
  public static final SparseCounts EMPTY = new SparseCounts(new long[0], new long[0]);

  private final long[] values;
  private final long[] counts;
  private final long total;

  private SparseCounts(long[] values, long[] counts) {
    this.values = values;
    this.counts = counts;
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    this.total = t;
  }

  public static SparseCounts of(Histogram h) {
    if (h.getTotalCount() == 0) {
      return EMPTY;
    }
    long[] v = new long[64];
    long[] c = new long[64];
    int n = 0;
    for (HistogramIterationValue it : h.recordedValues()) {
      if (n == v.length) {
        v = Arrays.copyOf(v, n * 2);
        c = Arrays.copyOf(c, n * 2);
      }
      v[n] = it.getValueIteratedTo();
      c[n] = it.getCountAtValueIteratedTo();
      n++;
    }
    return new SparseCounts(Arrays.copyOf(v, n), Arrays.copyOf(c, n));
  }

  /** The sum of two, buckets merged. */
  public SparseCounts plus(SparseCounts o) {
    long[] v = new long[values.length + o.values.length];
    long[] c = new long[v.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < values.length || j < o.values.length) {
      if (j == o.values.length || (i < values.length && values[i] < o.values[j])) {
        v[n] = values[i];
        c[n++] = counts[i++];
      } else if (i == values.length || o.values[j] < values[i]) {
        v[n] = o.values[j];
        c[n++] = o.counts[j++];
      } else {
        v[n] = values[i];
        c[n++] = counts[i++] + o.counts[j++];
      }
    }
    return new SparseCounts(Arrays.copyOf(v, n), Arrays.copyOf(c, n));
  }

  public int size() {
    return values.length;
  }

  public long value(int i) {
    return values[i];
  }

  public long count(int i) {
    return counts[i];
  }

  public long total() {
    return total;
  }
}
