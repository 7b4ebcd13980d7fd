package io.perftwin.reports.internal;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bootstrap of percentiles over blocks of interval histograms: each resample draws as many
 * blocks as there are, with replacement, adds their counts and reads the percentiles exactly as
 * HdrHistogram does ({@code getValueAtPercentile}: the first recorded value whose cumulative
 * count reaches {@code ceil(p/100 · total)}, at least 1).
 */
public final class Bootstrap {
  private Bootstrap() {}

  /**
   * Percentiles of {@code resamples} bootstrap resamples.
   *
   * @return [resample][percentile] in nanoseconds; NaN where a resample drew only empty blocks
   */
  public static double[][] percentiles(List<SparseCounts> blocks, double[] percentiles, int resamples, SplittableRandom rng) {
    double[][] out = new double[resamples][percentiles.length];
    if (blocks.isEmpty()) {
      for (double[] row : out) {
        Arrays.fill(row, Double.NaN);
      }
      return out;
    }
    // One dictionary of the values recorded anywhere; each block as indexes into it.
    SparseCounts union = SparseCounts.EMPTY;
    for (SparseCounts b : blocks) {
      union = union.plus(b);
    }
    long[] values = new long[union.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = union.value(i);
    }
    int[][] index = new int[blocks.size()][];
    long[][] counts = new long[blocks.size()][];
    for (int b = 0; b < blocks.size(); b++) {
      SparseCounts block = blocks.get(b);
      index[b] = new int[block.size()];
      counts[b] = new long[block.size()];
      for (int i = 0; i < block.size(); i++) {
        index[b][i] = Arrays.binarySearch(values, block.value(i));
        counts[b][i] = block.count(i);
      }
    }
    // Cumulative counts of every block at every dictionary value: a resample's cumulative count
    // at a value is the weighted sum over the blocks drawn, so a percentile is a binary search
    // over the dictionary costing O(blocks · log values), not a pass over every count.
    int n = blocks.size();
    int u = values.length;
    long[][] cumulative = new long[n][u];
    for (int b = 0; b < n; b++) {
      long[] c = cumulative[b];
      for (int i = 0; i < index[b].length; i++) {
        c[index[b][i]] += counts[b][i];
      }
      for (int k = 1; k < u; k++) {
        c[k] += c[k - 1];
      }
    }
    int[] weight = new int[n];
    int[] drawn = new int[n];
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(weight, 0);
      for (int k = 0; k < n; k++) {
        weight[rng.nextInt(n)]++;
      }
      int m = 0;
      for (int b = 0; b < n; b++) {
        if (weight[b] > 0) {
          drawn[m++] = b;
        }
      }
      long total = cumulativeAt(cumulative, weight, drawn, m, u - 1);
      for (int p = 0; p < percentiles.length; p++) {
        if (total == 0) {
          out[r][p] = Double.NaN;
          continue;
        }
        long target = countAtPercentile(percentiles[p], total);
        int lo = 0;
        int hi = u - 1;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (cumulativeAt(cumulative, weight, drawn, m, mid) >= target) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        out[r][p] = values[lo];
      }
    }
    return out;
  }

  private static long cumulativeAt(long[][] cumulative, int[] weight, int[] drawn, int m, int at) {
    long sum = 0;
    for (int i = 0; i < m; i++) {
      int b = drawn[i];
      sum += weight[b] * cumulative[b][at];
    }
    return sum;
  }

  /**
   * The rank of a percentile as HdrHistogram's {@code getValueAtPercentile} computes it: the
   * percentile is first nudged down by one ulp so that, e.g., p99.9 of 5,000 is the 4,995th value.
   */
  public static long countAtPercentile(double percentile, long total) {
    double p = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0), 100);
    return Math.max(1, (long) Math.ceil(p / 100.0 * total));
  }

  /** The value at quantile q (0–1) of the finite values, by linear interpolation; NaN if none. */
  public static double quantile(double[] sample, double q) {
    double[] finite = Arrays.stream(sample).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      return Double.NaN;
    }
    double pos = q * (finite.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, finite.length - 1);
    return finite[lo] + (pos - lo) * (finite[hi] - finite[lo]);
  }
}
