package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.reports.BaselineComparison;
import io.perftwin.reports.ComparisonSettings;
import io.perftwin.reports.MetricComparison;
import io.perftwin.reports.RunSummary;
import io.perftwin.reports.RunSummary.LatencyMillis;
import io.perftwin.reports.RunSummary.RequestFigures;
import io.perftwin.reports.SloResult;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code summary.json}: keys in a fixed order, numbers rounded ({@link Figures#json}),
 * NaN as {@code null}, in the conventions of {@link ResultsJson}.
 */
public final class SummaryJson {
  private SummaryJson() {}

  public static String render(RunSummary s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", s.scenario());
    root.put("runId", s.runId());
    root.put("verdict", s.verdict().key());
    root.put("startTime", instant(s.startTime()));
    root.put("endTime", instant(s.endTime()));
    root.put("measuredSeconds", Figures.json(s.measuredSeconds()));
    Map<String, Object> requests = new LinkedHashMap<>();
    s.requests().forEach((name, figures) -> requests.put(name, requestFigures(figures)));
    root.put("requests", requests);
    List<Object> slos = new ArrayList<>();
    for (SloResult r : s.slos()) {
      slos.add(slo(r));
    }
    root.put("slo", slos);
    Map<String, Object> generator = new LinkedHashMap<>();
    generator.put("offeredRate", Figures.json(s.generator().offeredRate()));
    generator.put("scheduleLagMs", latency(s.generator().scheduleLagMs()));
    generator.put("valid", s.generator().valid());
    generator.put("invalidReasons", s.generator().invalidReasons());
    root.put("generator", generator);
    if (!s.phases().isEmpty()) {
      List<Object> phases = new ArrayList<>();
      for (RunSummary.PhaseFigures p : s.phases()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("warmup", p.warmup());
        m.put("startSeconds", Figures.json(p.startSeconds()));
        m.put("durationSeconds", Figures.json(p.durationSeconds()));
        m.put("load", p.load());
        m.put("offeredRate", Figures.json(p.offeredRate()));
        m.putAll(requestFigures(p.requests()));
        m.put("scheduleLagMs", latency(p.scheduleLagMs()));
        phases.add(m);
      }
      root.put("phases", phases);
    }
    if (s.comparison() != null) {
      root.put("comparison", comparison(s.comparison()));
    }
    return ResultsJson.toJson(root);
  }

  /** ISO-8601 UTC, e.g. {@code 2026-11-22T10:15:00.250Z}; null when unknown. */
  static String instant(Instant t) {
    return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
  }

  private static Map<String, Object> requestFigures(RequestFigures f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", f.count());
    m.put("errors", f.errors());
    Map<String, Object> byKind = new LinkedHashMap<>();
    f.errorsByKind().forEach((kind, n) -> byKind.put(kind.key(), n));
    m.put("errorsByKind", byKind);
    m.put("achievedRate", Figures.json(f.achievedRate()));
    m.put("throughput", Figures.json(f.throughput()));
    m.put("latencyMs", latency(f.latencyMs()));
    m.put("serviceTimeMs", latency(f.serviceTimeMs()));
    return m;
  }

  private static Map<String, Object> latency(LatencyMillis l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50", Figures.json(l.p50()));
    m.put("p90", Figures.json(l.p90()));
    m.put("p99", Figures.json(l.p99()));
    m.put("p99.9", Figures.json(l.p999()));
    m.put("max", Figures.json(l.max()));
    m.put("mean", Figures.json(l.mean()));
    return m;
  }

  private static Map<String, Object> comparison(BaselineComparison c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("baseline", c.baselineRunId());
    m.put("verdict", c.verdict().key());
    ComparisonSettings p = c.settings();
    Map<String, Object> method = new LinkedHashMap<>();
    method.put("change", "candidate / baseline - 1 of each percentile of the measured phases");
    method.put("interval", "percentile bootstrap over 1 s interval histograms, resampled with replacement"
        + " (blocks of 2^k consecutive intervals above " + BlockedSamples.MAX_BLOCKS + " intervals)");
    method.put("test", "Mann-Whitney U, two-sided, normal approximation with tie correction");
    method.put("confidence", Figures.json(p.confidence(), "ratio"));
    method.put("resamples", p.resamples());
    method.put("seed", p.seed());
    method.put("alpha", Figures.json(p.alpha(), "ratio"));
    method.put("minEffect", Figures.json(p.minEffect(), "ratio"));
    method.put("minRequests", p.minRequests());
    method.put("minIntervals", p.minIntervals());
    method.put("minTailSamples", Figures.json(p.minTailSamples()));
    m.put("method", method);
    List<Object> rows = new ArrayList<>();
    for (MetricComparison r : c.metrics()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("request", r.request());
      row.put("metric", r.metric());
      row.put("baselineMs", Figures.json(r.baselineMs()));
      row.put("candidateMs", Figures.json(r.candidateMs()));
      row.put("change", Figures.json(r.change(), "ratio"));
      if (MetricComparison.MANN_WHITNEY.equals(r.metric())) {
        row.put("pValue", Figures.json(r.pValue(), "ratio"));
        row.put("probabilitySlower", Figures.json(r.probabilitySlower(), "ratio"));
      } else {
        row.put("changeLow", Figures.json(r.changeLow(), "ratio"));
        row.put("changeHigh", Figures.json(r.changeHigh(), "ratio"));
      }
      row.put("verdict", r.verdict().key());
      row.put("reason", r.reason());
      rows.add(row);
    }
    m.put("metrics", rows);
    return m;
  }

  private static Map<String, Object> slo(SloResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objective", r.slo().text());
    m.put("scope", r.scope());
    m.put("actual", Figures.json(r.actual(), r.unit()));
    m.put("threshold", Figures.json(r.slo().window() == null ? r.slo().threshold() : r.slo().window().fraction(), r.unit()));
    m.put("unit", r.unit());
    if (r.slo().window() != null) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("seconds", Figures.json(r.slo().window().seconds()));
      w.put("limit", Figures.json(r.slo().threshold(), SloResult.unit(r.slo().metric())));
      w.put("limitUnit", SloResult.unit(r.slo().metric()));
      w.put("windows", r.windows());
      w.put("met", r.windowsMet());
      m.put("window", w);
    }
    m.put("pass", r.pass());
    return m;
  }
}
