package io.perftwin.reports;

import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import java.util.ArrayList;
import io.perftwin.reports.internal.LatencyLog;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Measures each {@link Slo} on a {@link MeasuredRun}.
 *
 * <ul>
 *   <li>{@code PERCENTILE}, {@code MEAN}, {@code MAX}: of the response-time histogram (from the
 *       intended start), in milliseconds. Values carry the histogram's resolution (3 significant
 *       digits): a percentile or the max is the highest value equivalent to the recorded one.</li>
 *   <li>{@code ERRORS}: failed / completed requests; NaN (and so a failure) when none completed.</li>
 *   <li>{@code THROUGHPUT}: {@link MeasuredRun#throughput successful responses per measured second}.</li>
 * </ul>
 *
 * <p>Latency metrics of a scope with no completed request are NaN and fail.
 */
public final class SloEvaluator {
  private SloEvaluator() {}

  /** The scope name of all requests together, in results and every report. */
  public static final String ALL = "all";

  /**
   * Evaluates every objective, in order.
   *
   * @throws IllegalArgumentException if an objective's scope is not a request name of the run
   */
  public static List<SloResult> evaluate(List<Slo> slos, MeasuredRun run) {
    return evaluate(slos, run, null);
  }

  /**
   * Evaluates every objective, in order; objectives per time window are evaluated on the windows
   * of {@code latency} (the run's latency log read with their window lengths), and are NaN (and
   * fail) without one.
   *
   * @throws IllegalArgumentException if an objective's scope is not a request name of the run
   */
  public static List<SloResult> evaluate(List<Slo> slos, MeasuredRun run, LatencyLog latency) {
    RequestStats all = null;
    List<SloResult> results = new ArrayList<>(slos.size());
    for (Slo slo : slos) {
      RequestStats stats;
      String scope;
      if (slo.scope() == null) {
        if (all == null) {
          all = run.all();
        }
        stats = all;
        scope = ALL;
      } else {
        stats = run.requests().get(slo.scope());
        if (stats == null) {
          throw new IllegalArgumentException("SLO '" + slo.text() + "' names request '" + slo.scope()
              + "', which the run does not have; request names: " + run.requests().keySet());
        }
        scope = slo.scope();
      }
      if (slo.window() != null) {
        results.add(windowed(slo, scope, latency));
        continue;
      }
      double actual = actual(slo, run, stats);
      results.add(new SloResult(slo, scope, actual, slo.comparison().holds(actual, slo.threshold())));
    }
    return List.copyOf(results);
  }

  /**
   * An objective per time window: the share of windows that meet it. Latency and error
   * objectives are judged in the windows where the scope completed requests; throughput in every
   * window (no completions is 0/s).
   */
  private static SloResult windowed(Slo slo, String scope, LatencyLog latency) {
    List<Map<String, LatencyLog.WindowFigures>> windows = latency == null ? null : latency.windows(slo.window().seconds());
    if (windows == null) {
      return new SloResult(slo, scope, Double.NaN, false, 0, 0);
    }
    int evaluated = 0;
    int met = 0;
    for (Map<String, LatencyLog.WindowFigures> w : windows) {
      LatencyLog.WindowFigures f = w.get(scope);
      double value;
      if (slo.metric() == Slo.Metric.THROUGHPUT) {
        double seconds = w.values().iterator().next().seconds();
        value = f == null ? 0 : (f.count() - f.errors()) / seconds;
      } else if (f == null || f.count() == 0) {
        continue;
      } else {
        value = switch (slo.metric()) {
          case PERCENTILE -> BaselineComparison.percentileOf(f.latency(), slo.percentile()) / 1e6;
          case MEAN -> f.meanMillis();
          case MAX -> f.maxMillis();
          case ERRORS -> (double) f.errors() / f.count();
          case THROUGHPUT -> throw new AssertionError();
        };
      }
      evaluated++;
      if (slo.comparison().holds(value, slo.threshold())) {
        met++;
      }
    }
    double share = evaluated == 0 ? Double.NaN : (double) met / evaluated;
    boolean pass = evaluated > 0 && share >= slo.window().fraction() - 1e-12;
    return new SloResult(slo, scope, share, pass, evaluated, met);
  }

  private static double actual(Slo slo, MeasuredRun run, RequestStats stats) {
    Histogram rt = stats.responseTime();
    boolean empty = rt.getTotalCount() == 0;
    return switch (slo.metric()) {
      case PERCENTILE -> Histograms.percentileMillis(rt, slo.percentile());
      case MEAN -> empty ? Double.NaN : rt.getMean() / 1e6;
      case MAX -> empty ? Double.NaN : Histograms.millis(rt.getMaxValue());
      case ERRORS -> stats.count() == 0 ? Double.NaN : (double) stats.errors() / stats.count();
      case THROUGHPUT -> run.throughput(stats);
    };
  }
}
