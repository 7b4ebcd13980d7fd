package io.perftwin.reports;

import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyTags;
import io.perftwin.reports.internal.BlockedSamples;
import io.perftwin.reports.internal.Bootstrap;
import io.perftwin.reports.internal.MannWhitney;
import io.perftwin.reports.internal.RunSamples;
import io.perftwin.reports.internal.SparseCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * A candidate run compared with a baseline run of the same scenario, per request name (and
 * {@code all}) and per percentile, on the exact histograms of their measured phases.
 *
 * <p><b>Method</b> (see docs/reporting.md):
 * <ul>
 *   <li><b>Relative change</b> of p50, p90, p99 and p99.9: {@code candidate / baseline − 1}, each
 *       value read from the whole run's histogram.</li>
 *   <li><b>Confidence interval</b>: percentile bootstrap over the 1-second interval histograms.
 *       Each resample draws the intervals of a run with replacement (as many as it has), adds
 *       them and reads the percentile; baseline and candidate are resampled independently, and
 *       the interval is the central {@code confidence} share of the resampled relative changes.
 *       Runs longer than {@value BlockedSamples#MAX_BLOCKS} intervals are resampled in blocks of
 *       {@code 2^k} consecutive intervals (between 100 and 200 blocks). Seeded.</li>
 *   <li><b>Rank test</b>: Mann–Whitney U on the whole distribution, normal approximation with
 *       tie correction computed from the histogram buckets.</li>
 *   <li><b>Verdict</b> of a percentile: {@code worse} if the interval lies above 0 and the change
 *       is at least {@code +minEffect}; {@code better} if it lies below 0 and the change is at most
 *       {@code −minEffect}; {@code same} otherwise. Of the rank test: {@code worse} if p &lt;
 *       {@code alpha} and the candidate's median is at least {@code minEffect} higher,
 *       {@code better} in the mirror case, {@code same} otherwise.</li>
 *   <li><b>Unknown</b>: either side has fewer than {@code minRequests} requests or fewer than
 *       {@code minIntervals} measured intervals, or (for a percentile p) fewer than
 *       {@code minTailSamples} requests above p ({@code count × (1 − p) < minTailSamples}).</li>
 * </ul>
 *
 * @param baselineRunId the baseline's run id
 * @param settings the method's parameters
 * @param metrics one row per request name and metric: {@code all} first, then the candidate's
 *     names in order; per name p50, p90, p99, p99.9, then the rank test
 * @param baselineAll the baseline's response times, all names together, for the chart (not written)
 */
public record BaselineComparison(String baselineRunId, ComparisonSettings settings, List<MetricComparison> metrics,
    Histogram baselineAll) {

  /** The percentiles compared. */
  public static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9);

  public BaselineComparison {
    Objects.requireNonNull(baselineRunId, "baselineRunId");
    Objects.requireNonNull(settings, "settings");
    metrics = List.copyOf(metrics);
  }

  /**
   * Compares two run folders.
   *
   * @throws RunFolderException if the runs are of different scenarios
   */
  public static BaselineComparison compare(RunFolder baseline, RunFolder candidate, ComparisonSettings settings) {
    if (!baseline.scenario().equals(candidate.scenario())) {
      throw new RunFolderException("the baseline " + baseline.dir() + " is a run of scenario '" + baseline.scenario()
          + "', the candidate " + candidate.dir() + " of '" + candidate.scenario()
          + "': only runs of the same scenario can be compared");
    }
    Histogram all = Histograms.create();
    for (String name : baseline.latency().measuredNames()) {
      all.add(baseline.latency().total(LatencyTags.response(name, false)));
    }
    return compare(baseline.runId(), RunSamples.of(baseline.latency()), RunSamples.of(candidate.latency()), settings, all);
  }

  /** Compares the samples of two runs (also for tests on synthetic data). */
  static BaselineComparison compare(String baselineRunId, RunSamples baseline, RunSamples candidate,
      ComparisonSettings settings, Histogram baselineAll) {
    List<MetricComparison> rows = new ArrayList<>();
    int stream = 0;
    compareName(SloEvaluator.ALL, baseline.all(), candidate.all(), settings, stream++, rows);
    for (Map.Entry<String, BlockedSamples> e : candidate.byName().entrySet()) {
      compareName(e.getKey(), baseline.byName().get(e.getKey()), e.getValue(), settings, stream++, rows);
    }
    return new BaselineComparison(baselineRunId, settings, rows, baselineAll);
  }

  /** {@code worse} if any metric is worse; else {@code better} if any is better; else {@code same} if any is same; else {@code unknown}. */
  public ChangeVerdict verdict() {
    for (ChangeVerdict v : List.of(ChangeVerdict.WORSE, ChangeVerdict.BETTER, ChangeVerdict.SAME)) {
      if (metrics.stream().anyMatch(m -> m.verdict() == v)) {
        return v;
      }
    }
    return ChangeVerdict.UNKNOWN;
  }

  /** Whether the gate fails: some metric is worse. */
  public boolean worse() {
    return verdict() == ChangeVerdict.WORSE;
  }

  private static void compareName(String name, BlockedSamples base, BlockedSamples cand, ComparisonSettings s,
      int stream, List<MetricComparison> rows) {
    double[] ps = PERCENTILES.stream().mapToDouble(Double::doubleValue).toArray();
    if (base == null) {
      for (double p : ps) {
        rows.add(unknownRow(name, metricName(p), "not in the baseline run"));
      }
      rows.add(unknownRow(name, MetricComparison.MANN_WHITNEY, "not in the baseline run"));
      return;
    }
    SparseCounts baseTotal = sum(base.blocks());
    SparseCounts candTotal = sum(cand.blocks());
    String tooFew = tooFew(base, baseTotal, "baseline", s);
    if (tooFew == null) {
      tooFew = tooFew(cand, candTotal, "candidate", s);
    }
    double[] baseValues = percentilesOf(baseTotal, ps);
    double[] candValues = percentilesOf(candTotal, ps);

    double[][] baseBoot = null;
    double[][] candBoot = null;
    if (tooFew == null) {
      SplittableRandom rng = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + stream);
      baseBoot = Bootstrap.percentiles(base.blocks(), ps, s.resamples(), rng.split());
      candBoot = Bootstrap.percentiles(cand.blocks(), ps, s.resamples(), rng.split());
    }
    double tail = (1 - s.confidence()) / 2;
    for (int k = 0; k < ps.length; k++) {
      double baseMs = baseValues[k] / 1e6;
      double candMs = candValues[k] / 1e6;
      double change = candValues[k] / baseValues[k] - 1;
      String reason = tooFew;
      if (reason == null) {
        double minCount = Math.min(baseTotal.total(), candTotal.total());
        if (minCount * (1 - ps[k] / 100) < s.minTailSamples()) {
          reason = "too few samples for " + metricName(ps[k]) + ": fewer than "
              + io.perftwin.loadgen.Formats.number(s.minTailSamples()) + " requests above it on one side (needs "
              + (long) Math.ceil(s.minTailSamples() / (1 - ps[k] / 100) - 1e-6) + " requests)";
        }
      }
      if (reason != null) {
        rows.add(new MetricComparison(name, metricName(ps[k]), baseMs, candMs, change, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, ChangeVerdict.UNKNOWN, reason));
        continue;
      }
      double[] ratios = new double[s.resamples()];
      for (int r = 0; r < ratios.length; r++) {
        ratios[r] = candBoot[r][k] / baseBoot[r][k] - 1;
      }
      double low = Bootstrap.quantile(ratios, tail);
      double high = Bootstrap.quantile(ratios, 1 - tail);
      ChangeVerdict v;
      String why;
      if (low > 0 && change >= s.minEffect()) {
        v = ChangeVerdict.WORSE;
        why = "higher by at least the minimum effect, and the confidence interval lies above 0";
      } else if (high < 0 && change <= -s.minEffect()) {
        v = ChangeVerdict.BETTER;
        why = "lower by at least the minimum effect, and the confidence interval lies below 0";
      } else if (low > 0 || high < 0) {
        v = ChangeVerdict.SAME;
        why = "a significant change, but smaller than the minimum effect";
      } else {
        v = ChangeVerdict.SAME;
        why = "the confidence interval includes 0";
      }
      rows.add(new MetricComparison(name, metricName(ps[k]), baseMs, candMs, change, low, high, Double.NaN,
          Double.NaN, v, why));
    }

    double baseMedian = percentileOf(baseTotal, 50) / 1e6;
    double candMedian = percentileOf(candTotal, 50) / 1e6;
    double medianChange = candMedian / baseMedian - 1;
    if (tooFew != null) {
      rows.add(new MetricComparison(name, MetricComparison.MANN_WHITNEY, baseMedian, candMedian, medianChange,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, ChangeVerdict.UNKNOWN, tooFew));
      return;
    }
    MannWhitney.Result mw = MannWhitney.test(baseTotal, candTotal);
    ChangeVerdict v;
    String why;
    if (mw.pValue() < s.alpha() && mw.z() > 0 && medianChange >= s.minEffect()) {
      v = ChangeVerdict.WORSE;
      why = "candidate significantly slower, median higher by at least the minimum effect";
    } else if (mw.pValue() < s.alpha() && mw.z() < 0 && medianChange <= -s.minEffect()) {
      v = ChangeVerdict.BETTER;
      why = "candidate significantly faster, median lower by at least the minimum effect";
    } else if (mw.pValue() < s.alpha()) {
      v = ChangeVerdict.SAME;
      why = "a significant shift, but the median changed less than the minimum effect";
    } else {
      v = ChangeVerdict.SAME;
      why = "no significant shift";
    }
    rows.add(new MetricComparison(name, MetricComparison.MANN_WHITNEY, baseMedian, candMedian, medianChange,
        Double.NaN, Double.NaN, mw.pValue(), mw.probabilitySlower(), v, why));
  }

  private static MetricComparison unknownRow(String name, String metric, String reason) {
    return new MetricComparison(name, metric, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, ChangeVerdict.UNKNOWN, reason);
  }

  private static String tooFew(BlockedSamples samples, SparseCounts total, String side, ComparisonSettings s) {
    if (total.total() < s.minRequests()) {
      return "too few samples: the " + side + " has " + total.total() + " requests, fewer than " + s.minRequests();
    }
    if (samples.intervals() < s.minIntervals()) {
      return "too few samples: the " + side + " has " + samples.intervals() + " measured intervals, fewer than "
          + s.minIntervals();
    }
    return null;
  }

  static String metricName(double percentile) {
    return "p" + io.perftwin.loadgen.Formats.number(percentile);
  }

  private static SparseCounts sum(List<SparseCounts> blocks) {
    SparseCounts s = SparseCounts.EMPTY;
    for (SparseCounts b : blocks) {
      s = s.plus(b);
    }
    return s;
  }

  private static double[] percentilesOf(SparseCounts c, double[] ps) {
    double[] out = new double[ps.length];
    for (int i = 0; i < ps.length; i++) {
      out[i] = percentileOf(c, ps[i]);
    }
    return out;
  }

  /** As HdrHistogram's getValueAtPercentile, in nanoseconds; NaN when empty. */
  static double percentileOf(SparseCounts c, double percentile) {
    if (c.total() == 0) {
      return Double.NaN;
    }
    long target = Bootstrap.countAtPercentile(percentile, c.total());
    long cumulative = 0;
    for (int i = 0; i < c.size(); i++) {
      cumulative += c.count(i);
      if (cumulative >= target) {
        return c.value(i);
      }
    }
    return c.value(c.size() - 1);
  }
}
