package io.perftwin.loadgen.gatling;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.LoadDefaults;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.OpenShape;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.IntervalPoint;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.LatencyTags;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.PhaseResult;
import io.perftwin.loadgen.results.RequestStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Turns a {@link SimulationLog} into a {@link MeasuredRun}, exactly: every request record of the
 * log is recorded once, its response time being Gatling's own ({@code end − start}, whole
 * milliseconds, recorded in nanoseconds as perftwin histograms are). Gatling does not tell
 * service time from response time, nor intended from actual start, so the service-time
 * histograms equal the response-time ones, and schedule lag is empty.
 *
 * <p>With a plan (runs of {@link GatlingEngine#runPlan}), each request's phase is the group the
 * plan simulation put it in, warm-up phases are left out of the measured figures (and tagged
 * {@code warmup/} in the latency log), and {@link MeasuredRun#phases()} has every phase. Without
 * one (user simulations), every request is measured, its name is the group path and the request
 * name joined with {@code _}, with characters other than letters, digits, {@code _} and {@code -}
 * replaced by {@code _} (see {@link #requestName}), and the measured time is the span from the
 * first request start to the last request end.
 */
public final class GatlingResults {
  private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9_-]");
  private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

  private GatlingResults() {}

  /** The perftwin name of a request of a user simulation: see the class documentation. */
  public static String requestName(List<String> groups, String name) {
    List<String> parts = new ArrayList<>(groups);
    parts.add(name);
    String joined = NOT_NAME.matcher(String.join("_", parts)).replaceAll("_");
    if (joined.isEmpty()) {
      joined = "_";
    }
    if (joined.length() > 64) {
      joined = joined.substring(0, 64);
    }
    if (RequestTemplate.RESERVED_NAMES.contains(joined)) {
      joined = joined + "_";
    }
    return joined;
  }

  /**
   * Builds the run and writes its interval histograms (one per reporting interval of
   * {@link LoadDefaults#REPORTING_INTERVAL}, by completion time) to {@code latencyLog}.
   *
   * @param plan the plan the simulation was built from, or {@code null} for a user simulation
   * @param end when the child process ended
   * @param invalidReasons reasons found by the engine (process died, interrupted), kept in front
   */
  public static MeasuredRun convert(SimulationLog log, LoadPlan plan, Instant end, LatencyLogWriter latencyLog,
      List<String> invalidReasons) {
    Instant start = Instant.ofEpochMilli(log.startEpochMillis());
    latencyLog.start(log.startEpochMillis(), "perftwin latency log of a Gatling " + log.gatlingVersion() + " run of "
        + log.simulationClass() + "; values in ns (Gatling resolution: 1 ms), max column in ms; see docs/gatling.md");

    List<String> names = new ArrayList<>();
    List<Phase> phases = plan == null ? List.of() : plan.phases();
    if (plan != null) {
      plan.requests().forEach(r -> names.add(r.name()));
    }
    int phaseCount = Math.max(1, phases.size());
    // Totals [phase][name]; a user simulation has one pseudo-phase.
    List<List<Histogram>> totals = new ArrayList<>();
    List<List<EnumMap<ErrorKind, Long>>> errors = new ArrayList<>();
    for (int p = 0; p < phaseCount; p++) {
      totals.add(new ArrayList<>());
      errors.add(new ArrayList<>());
    }
    Map<String, Integer> nameIndex = new LinkedHashMap<>();
    for (String n : names) {
      index(n, nameIndex, totals, errors);
    }
    Map<String, Integer> phaseIndex = new LinkedHashMap<>();
    for (int p = 0; p < phases.size(); p++) {
      phaseIndex.putIfAbsent(phases.get(p).name(), p);
    }

    long intervalMillis = LoadDefaults.REPORTING_INTERVAL.toMillis();
    Map<Long, Interval> intervals = new java.util.TreeMap<>();
    int firstStart = Integer.MAX_VALUE;
    int lastEnd = 0;
    for (SimulationLog.Request r : log.requests()) {
      int p = 0;
      String name;
      if (plan != null) {
        Integer pi = r.groups().isEmpty() ? null : phaseIndex.get(r.groups().get(0));
        if (pi == null) {
          throw new IllegalStateException("request '" + r.name() + "' of the Gatling log is in groups " + r.groups()
              + ", not in a phase of the plan " + phaseIndex.keySet());
        }
        p = pi;
        name = r.name();
      } else {
        name = requestName(r.groups(), r.name());
      }
      int n = index(name, nameIndex, totals, errors);
      long nanos = (long) Math.max(0, r.responseTimeMillis()) * NANOS_PER_MILLI;
      totals.get(p).get(n).recordValue(clamp(nanos));
      boolean warmup = plan != null && phases.get(p).warmup();
      Interval iv = intervals.computeIfAbsent(Math.floorDiv(r.endMillis(), intervalMillis), k -> new Interval());
      iv.add(LatencyTags.response(name, warmup), nanos);
      iv.add(LatencyTags.service(name, warmup), nanos);
      iv.all.recordValue(clamp(nanos));
      if (!r.ok()) {
        errors.get(p).get(n).merge(GatlingErrors.classify(r.message()), 1L, Long::sum);
        iv.add(LatencyTags.errors(name, warmup), nanos);
        iv.errors++;
      }
      firstStart = Math.min(firstStart, r.startMillis());
      lastEnd = Math.max(lastEnd, r.endMillis());
    }

    List<IntervalPoint> timeline = new ArrayList<>();
    for (Map.Entry<Long, Interval> e : intervals.entrySet()) {
      double s = e.getKey() * intervalMillis / 1e3;
      double t = (e.getKey() + 1) * intervalMillis / 1e3;
      Interval iv = e.getValue();
      for (Map.Entry<String, Histogram> h : iv.tagged.entrySet()) {
        latencyLog.write(h.getKey(), s, t, h.getValue());
      }
      long completed = iv.all.getTotalCount();
      timeline.add(new IntervalPoint(s, t, completed, iv.errors, Histograms.percentileMillis(iv.all, 50),
          Histograms.percentileMillis(iv.all, 99), completed == 0 ? Double.NaN : Histograms.millis(iv.all.getMaxValue())));
    }
    latencyLog.flush();

    Map<String, RequestStats> measured = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : nameIndex.entrySet()) {
      Histogram rt = Histograms.create();
      EnumMap<ErrorKind, Long> errs = new EnumMap<>(ErrorKind.class);
      for (int p = 0; p < phaseCount; p++) {
        if (plan != null && phases.get(p).warmup()) {
          continue;
        }
        rt.add(totals.get(p).get(e.getValue()));
        errors.get(p).get(e.getValue()).forEach((k, v) -> errs.merge(k, v, Long::sum));
      }
      measured.put(e.getKey(), new RequestStats(rt, rt.copy(), errs));
    }

    List<PhaseResult> phaseResults = new ArrayList<>();
    double measuredSeconds;
    double offered;
    if (plan != null) {
      measuredSeconds = plan.measuredDuration().toNanos() / 1e9;
      double offeredCount = 0;
      double phaseStart = 0;
      for (int p = 0; p < phases.size(); p++) {
        Phase phase = phases.get(p);
        double seconds = phase.duration().toNanos() / 1e9;
        Map<String, RequestStats> byName = new LinkedHashMap<>();
        long sent = 0;
        for (Map.Entry<String, Integer> e : nameIndex.entrySet()) {
          Histogram h = totals.get(p).get(e.getValue());
          sent += h.getTotalCount();
          byName.put(e.getKey(), new RequestStats(h.copy(), h.copy(), errors.get(p).get(e.getValue())));
        }
        double phaseOffered = phase.shape() instanceof OpenShape open ? open.expectedArrivals(phase.duration()) : sent;
        if (!phase.warmup()) {
          offeredCount += phaseOffered;
        }
        phaseResults.add(new PhaseResult(phase.name(), phase.warmup(), phaseStart, seconds, phase.shape().describe(),
            phaseOffered / seconds, byName, Histograms.create()));
        phaseStart += seconds;
      }
      offered = measuredSeconds > 0 ? offeredCount / measuredSeconds : 0;
    } else {
      measuredSeconds = log.requests().isEmpty() ? 0 : (lastEnd - firstStart) / 1e3;
      long count = log.requests().size();
      offered = measuredSeconds > 0 ? count / measuredSeconds : 0;
    }

    List<String> invalid = new ArrayList<>(invalidReasons);
    if (log.truncated()) {
      invalid.add("simulation.log ends in the middle of a record: Gatling did not finish writing it; "
          + log.requests().size() + " complete requests kept");
    }
    RequestStats all = RequestStats.sum(measured.values());
    if (all.count() == 0) {
      invalid.add("no request completed in the measured phases");
    } else {
      long connectFailures = all.errorsByKind().getOrDefault(ErrorKind.CONNECT_REFUSED, 0L)
          + all.errorsByKind().getOrDefault(ErrorKind.CONNECT_TIMEOUT, 0L);
      if (connectFailures == all.count()) {
        invalid.add("target unreachable: all " + all.count() + " requests failed to connect"
            + (plan != null ? " to " + plan.target() : ""));
      }
    }
    return new MeasuredRun(start, end, measuredSeconds, offered, measured, Histograms.create(), timeline, invalid,
        phaseResults);
  }

  private static int index(String name, Map<String, Integer> nameIndex, List<List<Histogram>> totals,
      List<List<EnumMap<ErrorKind, Long>>> errors) {
    Integer i = nameIndex.get(name);
    if (i != null) {
      return i;
    }
    int n = nameIndex.size();
    nameIndex.put(name, n);
    for (int p = 0; p < totals.size(); p++) {
      totals.get(p).add(Histograms.create());
      errors.get(p).add(new EnumMap<>(ErrorKind.class));
    }
    return n;
  }

  private static long clamp(long nanos) {
    return Math.min(nanos, Histograms.HIGHEST_TRACKABLE_NANOS);
  }

  private static final class Interval {
    final Map<String, Histogram> tagged = new LinkedHashMap<>();
    final Histogram all = Histograms.create();
    long errors;

    void add(String tag, long nanos) {
      tagged.computeIfAbsent(tag, t -> Histograms.create()).recordValue(clamp(nanos));
    }
  }
}
