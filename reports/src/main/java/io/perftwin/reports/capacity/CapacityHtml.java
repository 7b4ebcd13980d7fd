package io.perftwin.reports.capacity;

import io.perftwin.reports.internal.Escape;
import java.util.List;
import java.util.Map;

/** {@code report.html}: one self-contained page (charts inlined as data URIs). */
final class CapacityHtml {
  private CapacityHtml() {}

  static String render(CapacityStudy s, Map<String, String> chartDataUris) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Capacity: ")
        .append(Escape.html(s.scenario())).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em;max-width:1000px;color:#222}\n")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}\n")
        .append("th{background:#f4f4f4}td.l,th.l{text-align:left}.pass{color:#2e7d32}.fail{color:#c62828}\n")
        .append(".verdict{font-size:1.3em;font-weight:bold}img{max-width:100%}\n</style></head><body>\n");
    h.append("<h1>Capacity study: ").append(Escape.html(s.scenario())).append("</h1>\n");
    h.append("<p>").append(Escape.html(s.studyId())).append(" · ").append(Escape.html(s.start().toString()))
        .append(" · ").append(Figures.number(s.durationSeconds())).append(" s</p>\n");
    h.append("<p class=\"verdict\">").append(Escape.html(headline(s))).append("</p>\n");
    h.append("<p>Each trial: ").append(Figures.number(s.trialWarmupSeconds())).append(" s warm-up, then ")
        .append(Figures.number(s.trialSeconds()))
        .append(" s measured at a constant rate; it passes when every latency and error objective holds, the achieved "
            + "rate is at least 99% of the offered rate and the generator kept its schedule (lag p99 within "
            + "load.maxScheduleLag).</p>\n");
    if (s.search() != null) {
      h.append("<h2>Search</h2>\n");
      searchTable(h, s.search());
    }
    chart(h, chartDataUris, CapacityReport.LATENCY_PNG, "Latency against offered rate");
    if (s.sweep() != null) {
      Sweep w = s.sweep();
      h.append("<h2>Sweep (").append(w.mode().key()).append(")</h2>\n");
      trialTable(h, w.trials());
      h.append("<p>Knee: ").append(w.knee() < 0 ? "none found" : Figures.number(w.trials().get(w.knee()).level()))
          .append("</p>\n");
      usl(h, w.usl(), w.uslNote(), w.mode() == Sweep.Mode.USERS ? "users" : "level");
      chart(h, chartDataUris, CapacityReport.THROUGHPUT_PNG, "Throughput against load");
    }
    if (s.scaleOut() != null) {
      ScaleOut o = s.scaleOut();
      h.append("<h2>Scale-out</h2>\n<table><tr><th>replicas</th><th class=\"l\">status</th><th>capacity /s</th>"
          + "<th>bounded by pass at</th><th>and fail at</th></tr>\n");
      for (int i = 0; i < o.replicas().size(); i++) {
        SearchResult r = o.searches().get(i);
        h.append("<tr><td>").append(o.replicas().get(i)).append("</td><td class=\"l\">").append(r.status().key())
            .append("</td><td>").append(fig(r.capacity())).append("</td><td>")
            .append(r.lastPass() == null ? "–" : Figures.number(r.lastPass().level())).append("</td><td>")
            .append(r.firstFail() == null ? "–" : Figures.number(r.firstFail().level())).append("</td></tr>\n");
      }
      h.append("</table>\n");
      usl(h, o.usl(), o.note(), "replicas");
      if (!o.predictions().isEmpty()) {
        h.append("<table><tr><th>replicas</th><th>predicted capacity /s</th><th>")
            .append(Math.round(ScaleOut.BAND_CONFIDENCE * 100)).append("% band</th></tr>\n");
        for (ScaleOut.Prediction p : o.predictions()) {
          h.append("<tr><td>").append(p.replicas()).append("</td><td>").append(fig(p.capacity())).append("</td><td>")
              .append(Double.isNaN(p.low()) ? "– (no degrees of freedom)" : fig(p.low()) + " – " + fig(p.high()))
              .append("</td></tr>\n");
        }
        h.append("</table>\n");
      }
      chart(h, chartDataUris, CapacityReport.REPLICAS_PNG, "Capacity against replicas");
    }
    h.append("<h2>Environment</h2>\n<table>\n");
    s.environment().forEach((k, v) -> h.append("<tr><th class=\"l\">").append(Escape.html(k)).append("</th><td class=\"l\">")
        .append(Escape.html(String.valueOf(v))).append("</td></tr>\n"));
    h.append("</table>\n</body></html>\n");
    return h.toString();
  }

  static String headline(CapacityStudy s) {
    if (s.generatorBound()) {
      return "generator-bound: the load generator could not hold a rate the study needed; no capacity figure";
    }
    if (s.invalid()) {
      return "invalid: a trial could not be judged (see the trials)";
    }
    if (s.search() == null) {
      return "sweep done";
    }
    SearchResult r = s.search();
    String analytic = Double.isFinite(s.analyticCapacity())
        ? " (analytic capacity of the target " + Figures.rate(s.analyticCapacity()) + ")" : "";
    return switch (r.status()) {
      case FOUND -> "capacity: " + Figures.rate(r.capacity()) + " meets every objective; "
          + Figures.rate(r.firstFail().level()) + " does not" + analytic;
      case BELOW_MIN -> "capacity below the minimum rate: " + Figures.rate(r.firstFail().level()) + " already fails";
      case AT_LEAST_MAX -> "capacity at least the maximum rate: " + Figures.rate(r.lastPass().level()) + " passes";
      default -> r.status().key();
    };
  }

  private static void searchTable(StringBuilder h, SearchResult r) {
    trialTable(h, r.trials());
  }

  private static void trialTable(StringBuilder h, List<Trial> trials) {
    h.append("<table><tr><th>#</th><th>level</th><th>offered /s</th><th>achieved /s</th><th>p50 ms</th><th>p99 ms</th>"
        + "<th>lag p99 ms</th><th>errors</th><th class=\"l\">outcome</th><th class=\"l\">why</th></tr>\n");
    int i = 1;
    for (Trial t : trials) {
      h.append("<tr><td>").append(i++).append("</td><td>").append(Figures.number(t.level())).append("</td><td>")
          .append(fig(t.offeredRate())).append("</td><td>").append(fig(t.achievedRate())).append("</td><td>")
          .append(fig(t.latencyP50Ms())).append("</td><td>").append(fig(t.latencyP99Ms())).append("</td><td>")
          .append(fig(t.scheduleLagP99Ms())).append("</td><td>").append(t.errors()).append("</td><td class=\"l ")
          .append(t.passed() ? "pass" : "fail").append("\">").append(t.outcome().key()).append("</td><td class=\"l\">")
          .append(Escape.html(String.join("; ", t.reasons()))).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void usl(StringBuilder h, UslFit f, String note, String load) {
    if (f == null) {
      h.append("<p>USL: no fit (").append(Escape.html(note == null ? "" : note)).append(")</p>\n");
      return;
    }
    h.append("<p>USL fit over ").append(load).append(": σ = ").append(Figures.number(f.model().sigma()))
        .append(", κ = ").append(Figures.number(f.model().kappa())).append(", λ = ")
        .append(Figures.number(f.model().lambda())).append(f.lambdaFixed() ? " (fixed to the one-replica capacity)" : "")
        .append("; N* = ").append(Figures.number(f.model().peakLoad())).append("; R² = ")
        .append(Figures.number(f.rSquared())).append(", RMSE ").append(Figures.number(f.rmse()))
        .append(", ").append(f.degreesOfFreedom()).append(" degrees of freedom</p>\n");
  }

  private static void chart(StringBuilder h, Map<String, String> uris, String name, String alt) {
    String uri = uris.get(name);
    if (uri != null) {
      h.append("<p><img alt=\"").append(Escape.html(alt)).append("\" src=\"").append(uri).append("\"></p>\n");
    }
  }

  private static String fig(double v) {
    return Double.isFinite(v) ? Figures.number(v) : "–";
  }
}
