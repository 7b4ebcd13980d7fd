package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.ResultsJson;
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

  private static Map<String, Object> slo(SloResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objective", r.slo().text());
    m.put("scope", r.scope());
    m.put("actual", Figures.json(r.actual(), r.unit()));
    m.put("threshold", Figures.json(r.slo().threshold(), r.unit()));
    m.put("unit", r.unit());
    m.put("pass", r.pass());
    return m;
  }
}
