package io.perftwin.reports.internal;

import io.perftwin.loadgen.Formats;
import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.loadgen.results.RunManifest;
import java.util.Map;

/** The "how this run was made" section of report.html, from run.json. */
final class HtmlManifest {
  private HtmlManifest() {}

  static String render(RunManifest m) {
    StringBuilder html = new StringBuilder("<h2>Run</h2>\n<table class=\"facts\">\n");
    fact(html, "run id", m.runId());
    fact(html, "scenario", m.scenario());
    fact(html, "scenario file", m.scenarioFile());
    fact(html, "scenario SHA-256", m.scenarioSha256());
    fact(html, "seed", Long.toString(m.seed()));
    fact(html, "engine", m.engine());
    fact(html, "start", m.startTime());
    fact(html, "end", m.endTime());
    fact(html, "outcome", m.outcome());
    fact(html, "overrides", m.overrides() == null || m.overrides().isEmpty() ? "none" : String.join("  ", m.overrides()));
    fact(html, "JDK", m.jdk());
    fact(html, "host", m.host());
    fact(html, "perftwin", m.toolVersion());
    if (m.environment() != null && m.environment().get("engineReport") instanceof String report) {
      // The engine's own report kept in the run folder (Gatling's HTML report), by relative path.
      html.append("<tr><th>engine's own report</th><td><a href=\"").append(Escape.html(report)).append("\">")
          .append(Escape.html(report)).append("</a></td></tr>\n");
    }
    html.append("</table>\n");
    tree(html, "Environment", m.environment(), true);
    tree(html, "Network shaping", m.shaping(), true);
    if (m.phases() != null && !m.phases().isEmpty()) {
      HtmlTable phases = new HtmlTable("numbers", "phase", "from s", "to s", "kind", "load");
      for (RunManifest.PhaseWindow p : m.phases()) {
        phases.row(p.name(), Formats.number(p.startSeconds()), Formats.number(p.endSeconds()),
            p.warmup() ? "warm-up" : "measured", p.load() == null ? "" : p.load());
      }
      html.append("<h3>Phases</h3>\n").append(phases.render());
    }
    tree(html, "Resolved settings", m.settings(), false);
    return html.toString();
  }

  private static void fact(StringBuilder html, String name, String value) {
    html.append("<tr><th>").append(Escape.html(name)).append("</th><td>")
        .append(Escape.html(value == null ? "-" : value)).append("</td></tr>\n");
  }

  private static void tree(StringBuilder html, String title, Map<String, Object> tree, boolean open) {
    if (tree == null || tree.isEmpty()) {
      return;
    }
    html.append(open ? "<details open>" : "<details>").append("<summary>").append(Escape.html(title))
        .append("</summary>\n<pre>").append(Escape.html(json(tree)))
        .append("</pre></details>\n");
  }

  private static String json(Map<String, Object> tree) {
    try {
      return ResultsJson.toJson(tree).stripTrailing();
    } catch (RuntimeException e) { // a value Jackson cannot write must not cost the report
      return String.valueOf(tree);
    }
  }
}
