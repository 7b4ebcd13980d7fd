package io.perftwin.reports.capacity;

import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import io.perftwin.reports.Slo;
import io.perftwin.reports.SloEvaluator;
import io.perftwin.reports.SloResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one trial: who is the bottleneck, then the scenario's objectives.
 *
 * <ol>
 *   <li>Invalid for a reason other than schedule lag (interrupted, target unreachable):
 *       {@link TrialOutcome#INVALID}.</li>
 *   <li>An objective missed <em>by the target</em>: {@link TrialOutcome#SLO_FAILED}. Latency is
 *       measured from the intended start, so a late dispatch adds to it; a latency objective
 *       counts as missed by the target only if it is still missed after taking the schedule lag
 *       p99 off the measured value. An error objective missed is always the target's.</li>
 *   <li>Otherwise, schedule lag p99 above {@code maxScheduleLag}:
 *       {@link TrialOutcome#GENERATOR_BOUND}. The generator could not dispatch on time while the
 *       target was keeping up, so the trial says nothing about the target. (An overloaded target
 *       also slows the generator down on a shared machine; that case is caught by the rule
 *       above, because its latency dwarfs the lag.)</li>
 *   <li>Open model, achieved rate below {@link #MIN_ACHIEVED_RATIO} of offered with the schedule
 *       held: {@link TrialOutcome#TARGET_SATURATED}.</li>
 *   <li>Otherwise {@link TrialOutcome#PASS}.</li>
 * </ol>
 *
 * <p>Objectives are evaluated over the trial's measured phase. Throughput floors are not applied
 * (a floor such as {@code throughput >= 495/s} says nothing at lower rates; the achieved-rate check
 * takes its place), and an objective per time window is judged once over the whole measured phase.
 */
public final class TrialJudge {
  private TrialJudge() {}

  /** Achieved / offered rate below which an open-model trial did not carry its load. */
  public static final double MIN_ACHIEVED_RATIO = 0.99;

  /**
   * @param level the rate (or users) the trial was asked for
   * @param open whether the trial ran an open model (rates) rather than users
   */
  public static Trial judge(double level, boolean open, MeasuredRun run, List<Slo> slos, Duration maxScheduleLag) {
    RequestStats all = run.all();
    double lagP99 = run.scheduleLag().getTotalCount() > 0 ? Histograms.percentileMillis(run.scheduleLag(), 99) : 0;
    double achieved = run.achievedRate(all);
    double offered = run.offeredRate();
    List<SloResult> results = SloEvaluator.evaluate(applicable(slos), run);
    List<String> reasons = new ArrayList<>();
    double lagLimit = maxScheduleLag.toNanos() / 1e6;
    boolean lagging = open && lagP99 > lagLimit;
    List<String> otherInvalid = run.invalidReasons().stream().filter(r -> !r.startsWith(LAG_REASON_PREFIX)).toList();
    boolean missedByTarget = false;
    List<String> missed = new ArrayList<>();
    for (SloResult r : results) {
      if (!r.pass()) {
        missed.add("objective missed: " + r.slo().text() + " (actual " + Figures.number(r.actual()) + " " + r.unit() + ")");
        missedByTarget |= missedByTarget(r, lagP99);
      }
    }
    TrialOutcome outcome;
    if (!otherInvalid.isEmpty()) {
      outcome = TrialOutcome.INVALID;
      reasons.addAll(otherInvalid);
    } else if (missedByTarget) {
      outcome = TrialOutcome.SLO_FAILED;
      reasons.addAll(missed);
    } else if (lagging) {
      outcome = TrialOutcome.GENERATOR_BOUND;
      reasons.add(String.format(Locale.ROOT, "generator-bound: schedule lag p99 %.2f ms > %s ms (load.maxScheduleLag)",
          lagP99, Figures.number(lagLimit)));
    } else if (open && achieved < MIN_ACHIEVED_RATIO * offered) {
      outcome = TrialOutcome.TARGET_SATURATED;
      reasons.add(String.format(Locale.ROOT, "target saturated: achieved %.1f/s < 99%% of offered %.1f/s with the schedule held",
          achieved, offered));
    } else if (!missed.isEmpty()) {
      outcome = TrialOutcome.SLO_FAILED;
      reasons.addAll(missed);
    } else {
      outcome = TrialOutcome.PASS;
    }
    return new Trial(level, offered, achieved, run.throughput(all),
        Histograms.percentileMillis(all.responseTime(), 50), Histograms.percentileMillis(all.responseTime(), 99),
        all.count() > 0 ? all.responseTime().getMean() / 1e6 : Double.NaN, lagP99, all.errors(), !lagging, outcome, reasons,
        results);
  }

  /** How the engine words the schedule-lag reason of an invalid run. */
  static final String LAG_REASON_PREFIX = "generator fell behind";

  /** Whether a missed objective is missed even with the schedule lag taken off a latency figure. */
  private static boolean missedByTarget(SloResult r, double lagP99Ms) {
    return switch (r.slo().metric()) {
      case PERCENTILE, MEAN, MAX -> !r.slo().comparison().holds(r.actual() - lagP99Ms, r.slo().threshold());
      case ERRORS, THROUGHPUT -> true;
    };
  }

  /** The objectives a trial is judged by: throughput floors dropped, windows judged over the whole trial. */
  public static List<Slo> applicable(List<Slo> slos) {
    List<Slo> out = new ArrayList<>();
    for (Slo s : slos) {
      if (s.metric() == Slo.Metric.THROUGHPUT) {
        continue;
      }
      out.add(s.window() == null ? s
          : new Slo(s.text(), s.scope(), s.metric(), s.percentile(), s.comparison(), s.threshold()));
    }
    return out;
  }
}
