package io.perftwin.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Change points in a series (one value per run, oldest first) by <b>E-divisive means</b>
 * (Matteson &amp; James, 2014), as Apache Otava (formerly Hunter) and MongoDB's performance CI
 * use it, with a <b>permutation significance test</b>.
 *
 * <p>For a segment {@code [s, e)} and a split {@code τ}, with {@code X = [s, τ)} of size m and
 * {@code Y = [τ, e)} of size n, the statistic is the scaled energy distance
 * {@code Q = mn/(m+n) · (2/(mn) Σ|xᵢ−yⱼ| − 1/C(m,2) Σ|xᵢ−xₖ| − 1/C(n,2) Σ|yⱼ−yₖ|)} (α = 1),
 * computed for every τ in O(L²) by moving one element at a time from Y to X. Hierarchically:
 * the segment with the largest Q is split if the split is significant: its values are shuffled
 * {@code permutations} times (seeded) and p = (1 + #{Q* ≥ Q}) / (1 + permutations); the split is
 * kept when p ≤ alpha, and the search goes on in the new segments; the first insignificant split
 * ends it.
 */
public final class ChangePoints {
  private ChangePoints() {}

  public static List<ChangePoint> detect(double[] series, ChangePointSettings settings) {
    List<int[]> segments = new ArrayList<>();
    segments.add(new int[] {0, series.length});
    List<ChangePoint> found = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(settings.seed());
    while (true) {
      int[] bestSegment = null;
      Split best = null;
      for (int[] seg : segments) {
        Split split = bestSplit(series, seg[0], seg[1], settings.minSegment());
        if (split != null && (best == null || split.q > best.q)) {
          best = split;
          bestSegment = seg;
        }
      }
      if (best == null) {
        break;
      }
      double[] shuffled = java.util.Arrays.copyOfRange(series, bestSegment[0], bestSegment[1]);
      int atLeast = 0;
      for (int r = 0; r < settings.permutations(); r++) {
        shuffle(shuffled, rng);
        Split s = bestSplit(shuffled, 0, shuffled.length, settings.minSegment());
        if (s != null && s.q >= best.q) {
          atLeast++;
        }
      }
      double p = (1.0 + atLeast) / (1.0 + settings.permutations());
      if (p > settings.alpha()) {
        break;
      }
      found.add(new ChangePoint(best.tau, p, mean(series, bestSegment[0], best.tau), mean(series, best.tau, bestSegment[1])));
      segments.remove(bestSegment);
      segments.add(new int[] {bestSegment[0], best.tau});
      segments.add(new int[] {best.tau, bestSegment[1]});
    }
    found.sort(Comparator.comparingInt(ChangePoint::index));
    // Means of the final segments around each change point, for reporting.
    List<ChangePoint> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      int from = i == 0 ? 0 : found.get(i - 1).index();
      int to = i + 1 < found.size() ? found.get(i + 1).index() : series.length;
      int at = found.get(i).index();
      out.add(new ChangePoint(at, found.get(i).pValue(), mean(series, from, at), mean(series, at, to)));
    }
    return List.copyOf(out);
  }

  private record Split(int tau, double q) {}

  /** The split of [s, e) with the largest Q, or null if the segment is too short to split. */
  private static Split bestSplit(double[] x, int s, int e, int minSegment) {
    int length = e - s;
    if (length < 2 * minSegment) {
      return null;
    }
    int tau = s + minSegment;
    double withinLeft = 0;
    double withinRight = 0;
    double between = 0;
    for (int i = s; i < tau; i++) {
      for (int k = i + 1; k < tau; k++) {
        withinLeft += Math.abs(x[i] - x[k]);
      }
      for (int j = tau; j < e; j++) {
        between += Math.abs(x[i] - x[j]);
      }
    }
    for (int j = tau; j < e; j++) {
      for (int k = j + 1; k < e; k++) {
        withinRight += Math.abs(x[j] - x[k]);
      }
    }
    Split best = null;
    while (true) {
      double m = tau - s;
      double n = e - tau;
      double q = m * n / (m + n) * (2 * between / (m * n) - withinLeft / (m * (m - 1) / 2) - withinRight / (n * (n - 1) / 2));
      if (best == null || q > best.q) {
        best = new Split(tau, q);
      }
      if (e - (tau + 1) < minSegment) {
        return best;
      }
      // move x[tau] from the right segment to the left one
      double toLeft = 0;
      for (int i = s; i < tau; i++) {
        toLeft += Math.abs(x[i] - x[tau]);
      }
      double toRight = 0;
      for (int j = tau + 1; j < e; j++) {
        toRight += Math.abs(x[tau] - x[j]);
      }
      withinLeft += toLeft;
      withinRight -= toRight;
      between += toRight - toLeft;
      tau++;
    }
  }

  private static void shuffle(double[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static double mean(double[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i];
    }
    return to > from ? sum / (to - from) : Double.NaN;
  }
}
