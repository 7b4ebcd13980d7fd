package io.perftwin.reports.internal;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.Formats;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RunManifest;
import io.perftwin.reports.RunSummary;
import io.perftwin.reports.RunSummary.LatencyMillis;
import io.perftwin.reports.RunSummary.RequestFigures;
import io.perftwin.reports.SloResult;
import io.perftwin.reports.BaselineComparison;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS, charts as PNG data URIs,
 * no scripts, no external resources). Every user string is escaped.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(RunSummary s, RunManifest manifest, MeasuredRun run) {
    return render(s, manifest, run, null);
  }

  /** The page; {@code latency} (may be null) is the run's latency log read back, for richer over-time charts. */
  public static String render(RunSummary s, RunManifest manifest, MeasuredRun run, LatencyLog latency) {
    StringBuilder html = new StringBuilder();
    String title = "perftwin: " + s.scenario() + " \u2014 " + s.verdict().name();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Escape.html(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    html.append("<div class=\"banner ").append(s.verdict().key()).append("\">").append(Escape.html(title))
        .append("</div>\n");
    html.append("<p class=\"sub\">run ").append(Escape.html(s.runId())).append(" \u00b7 ")
        .append(Escape.html(Formats.number(s.measuredSeconds()))).append(" s measured \u00b7 ")
        .append(Escape.html(String.valueOf(SummaryJson.instant(s.startTime())))).append(" to ")
        .append(Escape.html(String.valueOf(SummaryJson.instant(s.endTime())))).append("</p>\n");
    if (!s.generator().valid()) {
      html.append(caveat(s));
    }
    String lag = LagCaveat.text(s);
    if (lag != null) {
      html.append("<div class=\"caveat lag\"><strong>Caveat:</strong> ").append(Escape.html(lag)).append("</div>\n");
    }
    html.append(slos(s));
    BaselineComparison c = s.comparison();
    if (c != null) {
      html.append(HtmlComparison.render(c));
    }
    html.append("<h2>Latency distribution</h2>\n")
        .append(chart("percentile distribution", () -> PercentileChart.create(run, run.all(), s.slos(),
            c == null ? null : c.baselineAll(), c == null ? null : c.baselineRunId())));
    List<TimelinePoint> timeline = TimelinePoint.of(run.timeline(), latency);
    if (!timeline.isEmpty()) {
      html.append("<h2>Over time</h2>\n")
          .append(chart("response time over time", () -> TimelineChart.create(timeline, manifest)))
          .append(chart("achieved vs offered rate", () -> RateChart.create(timeline, manifest)))
          .append(chart("errors over time", () -> ErrorsChart.create(timeline, manifest)));
    }
    html.append(requests(s));
    html.append(generator(s));
    html.append(HtmlManifest.render(manifest));
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private static String caveat(RunSummary s) {
    StringBuilder html = new StringBuilder("<div class=\"caveat\"><strong>This run is invalid: its figures cannot be trusted.</strong>\n<ul>\n");
    for (String reason : s.generator().invalidReasons()) {
      html.append("<li>").append(Escape.html(reason)).append("</li>\n");
    }
    return html.append("</ul></div>\n").toString();
  }

  private static String slos(RunSummary s) {
    if (s.slos().isEmpty()) {
      return "<h2>Objectives</h2>\n<p>No objectives (SLOs) defined.</p>\n";
    }
    HtmlTable t = new HtmlTable("slo", "objective", "scope", "actual", "result");
    for (SloResult r : s.slos()) {
      t.rowWithClass(r.pass() ? "pass" : "fail", r.slo().text(), r.scope(), Figures.actual(r), Figures.passFail(r.pass()));
    }
    return "<h2>Objectives</h2>\n" + t.render();
  }

  private static String requests(RunSummary s) {
    HtmlTable rt = new HtmlTable("numbers", "request", "count", "errors", "errors by kind", "rate/s",
        "throughput/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "mean ms");
    HtmlTable st = new HtmlTable("numbers", "request", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "mean ms");
    s.requests().forEach((name, f) -> {
      LatencyMillis l = f.latencyMs();
      rt.row(name, Long.toString(f.count()), Long.toString(f.errors()), errorsByKind(f), Figures.rate(f.achievedRate()),
          Figures.rate(f.throughput()), Figures.millis(l.p50()), Figures.millis(l.p90()), Figures.millis(l.p99()),
          Figures.millis(l.p999()), Figures.millis(l.max()), Figures.millis(l.mean()));
      LatencyMillis v = f.serviceTimeMs();
      st.row(name, Figures.millis(v.p50()), Figures.millis(v.p90()), Figures.millis(v.p99()),
          Figures.millis(v.p999()), Figures.millis(v.max()), Figures.millis(v.mean()));
    });
    return "<h2>Requests</h2>\n<p>Response time, from each request's intended start "
        + "(free of coordinated omission):</p>\n" + rt.render()
        + "<p>Service time, from the actual send:</p>\n" + st.render();
  }

  private static String errorsByKind(RequestFigures f) {
    Map<ErrorKind, Long> m = f.errorsByKind();
    return m.isEmpty() ? "" : m.entrySet().stream().map(e -> e.getKey().key() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String generator(RunSummary s) {
    RunSummary.Generator g = s.generator();
    RequestFigures all = s.all();
    StringBuilder html = new StringBuilder("<h2>Load generator</h2>\n<table class=\"facts\">\n");
    fact(html, "offered rate", Figures.rate(g.offeredRate()) + "/s");
    fact(html, "achieved rate", Figures.rate(all.achievedRate()) + "/s (completed requests)");
    fact(html, "throughput", Figures.rate(all.throughput()) + "/s (successful responses)");
    fact(html, "schedule lag", "p50 " + Figures.millis(g.scheduleLagMs().p50()) + " ms, p99 "
        + Figures.millis(g.scheduleLagMs().p99()) + " ms, max " + Figures.millis(g.scheduleLagMs().max()) + " ms");
    fact(html, "measurement", g.valid() ? "valid" : "INVALID: " + String.join("; ", g.invalidReasons()));
    return html.append("</table>\n").toString();
  }

  private static void fact(StringBuilder html, String name, String value) {
    html.append("<tr><th>").append(Escape.html(name)).append("</th><td>").append(Escape.html(value)).append("</td></tr>\n");
  }

  /** The chart as an image, or a visible note if it could not be drawn: a missing chart must not cost the report. */
  private static String chart(String alt, Supplier<JFreeChart> chart) {
    try {
      String uri = ChartImages.pngDataUri(chart.get());
      return "<img class=\"chart\" width=\"" + ChartImages.WIDTH + "\" height=\"" + ChartImages.HEIGHT
          + "\" alt=\"" + Escape.html(alt) + "\" src=\"" + uri + "\">\n";
    } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
      return "<p class=\"caveat\">The " + Escape.html(alt) + " chart could not be drawn: "
          + Escape.html(String.valueOf(e)) + "</p>\n";
    }
  }

  private static final String CSS = """
      body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
      .banner { font-size: 1.6em; font-weight: bold; padding: .6em 1em; border-radius: 6px; color: #fff; }
      .banner.pass { background: #2e7d32; }
      .banner.fail { background: #c62828; }
      .banner.invalid { background: #ef6c00; }
      .sub { color: #666; }
      .caveat { background: #fff3e0; border-left: 6px solid #ef6c00; padding: .6em 1em; }
      .caveat li { white-space: pre-line; }
      table { border-collapse: collapse; margin: .5em 0 1.5em; }
      th, td { border-bottom: 1px solid #ddd; padding: .3em .8em; text-align: left; }
      table.numbers td:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; }
      table.facts th { font-weight: normal; color: #666; }
      tr.pass td:last-child { color: #2e7d32; font-weight: bold; }
      tr.fail td:last-child { color: #c62828; font-weight: bold; }
      img.chart { max-width: 100%; height: auto; display: block; margin: .5em 0; }
      tr.worse td:nth-last-child(2) { color: #c62828; font-weight: bold; }
      tr.better td:nth-last-child(2) { color: #2e7d32; font-weight: bold; }
      tr.unknown td { color: #888; }
      .change.worse { color: #c62828; font-weight: bold; }
      .change.better { color: #2e7d32; font-weight: bold; }
      .method { color: #555; font-size: .9em; }
      pre { background: #f6f6f6; padding: .6em; overflow-x: auto; }
      """;
}
