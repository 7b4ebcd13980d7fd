package io.perftwin.reports.internal;

import io.perftwin.loadgen.Formats;
import io.perftwin.reports.BaselineComparison;
import io.perftwin.reports.ChangeVerdict;
import io.perftwin.reports.MetricComparison;
import io.perftwin.reports.RunSummary;
import io.perftwin.reports.RunSummary.RequestFigures;
import io.perftwin.reports.SloResult;

/** Renders {@code summary.md}: the verdict of a run in a few lines, for a pull-request comment. */
public final class SummaryMarkdown {
  private SummaryMarkdown() {}

  public static String render(RunSummary s) {
    StringBuilder md = new StringBuilder();
    md.append("## perftwin: ").append(Escape.markdownText(s.scenario())).append(" \u2014 ")
        .append(s.verdict().name()).append("\n\n");
    if (!s.generator().valid()) {
      md.append("**The run is invalid: its figures cannot be trusted.**\n\n");
      for (String reason : s.generator().invalidReasons()) {
        md.append("- ").append(Escape.markdownText(reason)).append('\n');
      }
      md.append('\n');
    }
    String lag = LagCaveat.text(s);
    if (lag != null) {
      md.append("**Caveat:** ").append(Escape.markdownText(lag)).append("\n\n");
    }
    if (s.slos().isEmpty()) {
      md.append("No objectives (SLOs) defined.\n\n");
    } else {
      md.append("| objective | actual | result |\n");
      md.append("|---|---:|---|\n");
      for (SloResult r : s.slos()) {
        md.append("| ").append(Escape.markdownCode(r.slo().text()))
            .append(" | ").append(Figures.actual(r))
            .append(" | ").append(r.pass() ? "pass" : "**FAIL**").append(" |\n");
      }
      md.append('\n');
    }
    if (s.comparison() != null) {
      comparison(md, s.comparison());
    }
    md.append("| request | count | errors | rate/s | p50 ms | p99 ms | p99.9 ms | max ms |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    s.requests().forEach((name, f) -> row(md, name, f));
    md.append('\n');
    md.append("Run `").append(s.runId().replace("`", "'")).append("`, ")
        .append(Formats.number(s.measuredSeconds())).append(" s measured, offered ")
        .append(Figures.rate(s.generator().offeredRate())).append("/s.\n");
    return md.toString();
  }

  private static void comparison(StringBuilder md, BaselineComparison c) {
    md.append("Compared with baseline `").append(c.baselineRunId().replace("`", "'")).append("`: **")
        .append(c.verdict().key()).append("**\n\n");
    md.append("| request | metric | baseline ms | candidate ms | change | 95% interval | p | verdict |\n");
    md.append("|---|---|---:|---:|---:|---|---:|---|\n");
    for (MetricComparison m : c.metrics()) {
      boolean rank = MetricComparison.MANN_WHITNEY.equals(m.metric());
      md.append("| ").append(Escape.markdownCode(m.request()))
          .append(" | ").append(rank ? "Mann\u2013Whitney U (medians)" : m.metric())
          .append(" | ").append(Figures.millis(m.baselineMs()))
          .append(" | ").append(Figures.millis(m.candidateMs()))
          .append(" | ").append(Figures.change(m.change()))
          .append(" | ").append(Figures.interval(m.changeLow(), m.changeHigh()))
          .append(" | ").append(rank ? Figures.pValue(m.pValue()) : "")
          .append(" | ").append(m.verdict() == ChangeVerdict.WORSE ? "**worse**" : m.verdict().key())
          .append(" |\n");
    }
    md.append('\n').append(Escape.markdownText(HtmlComparison.methodSentence(c.settings()))).append("\n\n");
  }

  private static void row(StringBuilder md, String name, RequestFigures f) {
    md.append("| ").append(Escape.markdownCode(name))
        .append(" | ").append(f.count())
        .append(" | ").append(f.errors())
        .append(" | ").append(Figures.rate(f.achievedRate()))
        .append(" | ").append(Figures.millis(f.latencyMs().p50()))
        .append(" | ").append(Figures.millis(f.latencyMs().p99()))
        .append(" | ").append(Figures.millis(f.latencyMs().p999()))
        .append(" | ").append(Figures.millis(f.latencyMs().max()))
        .append(" |\n");
  }
}
