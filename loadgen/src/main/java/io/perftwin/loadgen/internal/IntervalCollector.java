package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.IntervalSnapshot;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.IntervalPoint;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.LatencyTags;
import io.perftwin.loadgen.results.RequestStats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Takes interval histograms from every recorder, merges the loops, writes one latency-log entry
 * per tag, and keeps exact per-phase totals. Runs on one thread (the engine's caller).
 */
final class IntervalCollector {
  private final LoadPlan plan;
  private final RecorderBook book;
  private final LatencyLogWriter log;

  private final Histogram[][] responseTotal; // [phase][name]
  private final Histogram[][] serviceTotal;
  private final Histogram[] lagTotal; // [phase]
  private final List<IntervalPoint> timeline = new ArrayList<>();
  private long totalCompleted;
  private long totalErrors;
  /** Error counts by [name][kind] already reported in earlier snapshots. */
  private final long[][] errorsSeen;

  IntervalCollector(LoadPlan plan, RecorderBook book, LatencyLogWriter log) {
    this.plan = plan;
    this.book = book;
    this.log = log;
    responseTotal = new Histogram[book.phases][book.names];
    serviceTotal = new Histogram[book.phases][book.names];
    lagTotal = new Histogram[book.phases];
    errorsSeen = new long[book.names][RecorderBook.KINDS];
    for (int p = 0; p < book.phases; p++) {
      lagTotal[p] = Histograms.create();
      for (int n = 0; n < book.names; n++) {
        responseTotal[p][n] = Histograms.create();
        serviceTotal[p][n] = Histograms.create();
      }
    }
  }

  /**
   * Collects one interval.
   *
   * @param startSeconds interval start, seconds since the run start
   * @param endSeconds interval end
   * @param phaseName phase running at the end of the interval, for the snapshot
   */
  IntervalSnapshot collect(double startSeconds, double endSeconds, String phaseName, double offeredRate) {
    // Tags merge all phases of the same kind (measured / warm-up) within an interval.
    Map<String, Histogram> tagged = new LinkedHashMap<>();
    Set<String> summed = new HashSet<>();
    Histogram[] byName = new Histogram[book.names];
    for (int n = 0; n < book.names; n++) {
      byName[n] = Histograms.create();
    }
    RecorderBook.LoopSet[] sets = new RecorderBook.LoopSet[book.loops];
    for (int l = 0; l < book.loops; l++) {
      sets[l] = book.swap(l);
    }
    Histogram intervalLag = Histograms.create();
    Histogram intervalAll = Histograms.create();
    long intervalErrors = 0;
    // Most histograms of an interval are empty (every phase but the running one; errors): they
    // are skipped, since each add or copy walks the whole counts array whatever it holds.
    for (int phaseIndex = 0; phaseIndex < book.phases; phaseIndex++) {
      final int p = phaseIndex;
      boolean warmup = plan.phases().get(p).warmup();
      Histogram lag = drain(sets, set -> set.lag[p]);
      if (lag.getTotalCount() > 0) {
        lagTotal[p].add(lag);
        intervalLag.add(lag);
        addTagged(tagged, summed, LatencyTags.lag(warmup), lag);
      }
      for (int n = 0; n < book.names; n++) {
        final int name = n;
        Histogram rt = drain(sets, set -> set.response[p][name]);
        if (rt.getTotalCount() == 0) {
          continue; // nothing completed, so no service time and no error either
        }
        String requestName = plan.requests().get(n).name();
        Histogram st = drain(sets, set -> set.service[p][name]);
        Histogram er = drain(sets, set -> set.errors[p][name]);
        responseTotal[p][n].add(rt);
        intervalAll.add(rt);
        byName[n].add(rt);
        addTagged(tagged, summed, LatencyTags.response(requestName, warmup), rt);
        if (st.getTotalCount() > 0) {
          serviceTotal[p][n].add(st);
          addTagged(tagged, summed, LatencyTags.service(requestName, warmup), st);
        }
        if (er.getTotalCount() > 0) {
          intervalErrors += er.getTotalCount();
          addTagged(tagged, summed, LatencyTags.errors(requestName, warmup), er);
        }
      }
    }
    for (Map.Entry<String, Histogram> e : tagged.entrySet()) {
      log.write(e.getKey(), startSeconds, endSeconds, e.getValue());
    }
    log.flush();

    List<IntervalSnapshot.RequestInterval> requests = new ArrayList<>(book.names);
    for (int n = 0; n < book.names; n++) {
      EnumMap<ErrorKind, Long> errs = new EnumMap<>(ErrorKind.class);
      for (ErrorKind k : ErrorKind.values()) {
        long total = 0;
        for (int p = 0; p < book.phases; p++) {
          total += book.errorCount(p, n, k);
        }
        long delta = total - errorsSeen[n][k.ordinal()];
        errorsSeen[n][k.ordinal()] = total;
        if (delta > 0) {
          errs.put(k, delta);
        }
      }
      requests.add(new IntervalSnapshot.RequestInterval(plan.requests().get(n).name(), byName[n], errs));
    }
    long completed = intervalAll.getTotalCount();
    long errors = intervalErrors;
    totalCompleted += completed;
    totalErrors += errors;
    timeline.add(new IntervalPoint(startSeconds, endSeconds, completed, errors,
        Histograms.percentileMillis(intervalAll, 50), Histograms.percentileMillis(intervalAll, 99),
        completed == 0 ? Double.NaN : Histograms.millis(intervalAll.getMaxValue())));
    return new IntervalSnapshot(endSeconds, phaseName, endSeconds - startSeconds, completed, errors,
        Histograms.percentileMillis(intervalAll, 99), totalCompleted, totalErrors, book.inFlight(),
        Double.isNaN(offeredRate) ? intervalLag.getTotalCount() / Math.max(1e-9, endSeconds - startSeconds) : offeredRate,
        requests, intervalLag);
  }

  private interface Pick {
    Histogram pick(RecorderBook.LoopSet set);
  }

  /**
   * The sum over the loops of one histogram of the interval just taken. With one loop, or one
   * loop that recorded anything, that is the loop's own histogram, not a copy: read it (the log
   * only sets its tag), never add to it or keep it past this interval (the loop records into it
   * again after the next swap).
   */
  private static Histogram drain(RecorderBook.LoopSet[] sets, Pick pick) {
    Histogram first = pick.pick(sets[0]);
    Histogram sum = null;
    for (int l = 1; l < sets.length; l++) {
      Histogram h = pick.pick(sets[l]);
      if (h.getTotalCount() == 0) {
        continue;
      }
      if (first.getTotalCount() == 0) {
        first = h;
      } else {
        if (sum == null) {
          sum = first.copy();
        }
        sum.add(h);
      }
    }
    return sum != null ? sum : first;
  }

  /**
   * Adds {@code h} to the tag's histogram of this interval. The first histogram of a tag is kept
   * as it is (the log only reads it); a second one for the same tag (two phases of one kind in
   * an interval) is summed into a copy, which {@code summed} records.
   */
  private static void addTagged(Map<String, Histogram> tagged, Set<String> summed, String tag, Histogram h) {
    Histogram existing = tagged.get(tag);
    if (existing == null) {
      tagged.put(tag, h);
    } else if (summed.add(tag)) {
      Histogram sum = existing.copy();
      sum.add(h);
      tagged.put(tag, sum);
    } else {
      existing.add(h);
    }
  }

  List<IntervalPoint> timeline() {
    return timeline;
  }

  /** Exact results of every phase. */
  List<io.perftwin.loadgen.results.PhaseResult> phaseResults() {
    List<io.perftwin.loadgen.results.PhaseResult> out = new ArrayList<>();
    double start = 0;
    for (int p = 0; p < book.phases; p++) {
      Phase phase = plan.phases().get(p);
      double seconds = phase.duration().toNanos() / 1e9;
      Map<String, RequestStats> byName = new LinkedHashMap<>();
      for (int n = 0; n < book.names; n++) {
        EnumMap<ErrorKind, Long> errs = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
          long c = book.errorCount(p, n, k);
          if (c > 0) {
            errs.put(k, c);
          }
        }
        byName.put(plan.requests().get(n).name(), new RequestStats(responseTotal[p][n].copy(), serviceTotal[p][n].copy(), errs));
      }
      double offered = phase.shape() instanceof io.perftwin.loadgen.OpenShape open
          ? open.expectedArrivals(phase.duration()) / plan.agentCount() / seconds
          : lagTotal[p].getTotalCount() / seconds;
      out.add(new io.perftwin.loadgen.results.PhaseResult(phase.name(), phase.warmup(), start, seconds,
          phase.shape().describe(), offered, byName, lagTotal[p].copy()));
      start += seconds;
    }
    return out;
  }

  /** Exact totals per request name over the measured (non-warm-up) phases. */
  Map<String, RequestStats> measuredRequests() {
    Map<String, RequestStats> out = new LinkedHashMap<>();
    for (int n = 0; n < book.names; n++) {
      Histogram rt = Histograms.create();
      Histogram st = Histograms.create();
      EnumMap<ErrorKind, Long> errs = new EnumMap<>(ErrorKind.class);
      for (int p = 0; p < book.phases; p++) {
        if (plan.phases().get(p).warmup()) {
          continue;
        }
        rt.add(responseTotal[p][n]);
        st.add(serviceTotal[p][n]);
        for (ErrorKind k : ErrorKind.values()) {
          long c = book.errorCount(p, n, k);
          if (c > 0) {
            errs.merge(k, c, Long::sum);
          }
        }
      }
      out.put(plan.requests().get(n).name(), new RequestStats(rt, st, errs));
    }
    return out;
  }

  /** Requests dispatched in a phase so far (every dispatch records one schedule-lag value). */
  long dispatched(int phase) {
    return lagTotal[phase].getTotalCount();
  }

  /** Schedule lag over the measured phases. */
  Histogram measuredLag() {
    Histogram lag = Histograms.create();
    for (int p = 0; p < book.phases; p++) {
      Phase phase = plan.phases().get(p);
      if (!phase.warmup()) {
        lag.add(lagTotal[p]);
      }
    }
    return lag;
  }
}
