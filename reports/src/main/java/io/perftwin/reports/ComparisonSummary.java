package io.perftwin.reports;

import io.perftwin.reports.internal.Figures;
import io.perftwin.reports.internal.TextTable;

/** A comparison with a baseline for the terminal ({@code twin compare}): one row per metric, then the verdict. */
public final class ComparisonSummary {
  private ComparisonSummary() {}

  public static String render(BaselineComparison c, String candidateRunId) {
    StringBuilder out = new StringBuilder();
    out.append("perftwin compare: candidate ").append(candidateRunId).append(" against baseline ")
        .append(c.baselineRunId()).append("\n\n");
    TextTable t = new TextTable("request", "metric", "baseline ms", "candidate ms", "change", "95% interval", "p", "verdict")
        .leftAligned(1, 5, 7);
    for (MetricComparison m : c.metrics()) {
      boolean rank = MetricComparison.MANN_WHITNEY.equals(m.metric());
      t.row(m.request(), rank ? "Mann-Whitney U (medians)" : m.metric(), Figures.millis(m.baselineMs()),
          Figures.millis(m.candidateMs()), Figures.change(m.change()), Figures.interval(m.changeLow(), m.changeHigh()),
          rank ? Figures.pValue(m.pValue()) : "", m.verdict().key());
    }
    out.append(t.render("  ")).append('\n');
    for (MetricComparison m : c.metrics()) {
      if (m.verdict() == ChangeVerdict.UNKNOWN) {
        out.append("unknown ").append(m.label()).append(": ").append(m.reason()).append('\n');
      }
    }
    out.append(io.perftwin.reports.internal.Methods.comparison(c.settings())).append('\n');
    out.append("comparison: ").append(c.verdict().key()).append(c.worse() ? " (exit 1)" : " (exit 0)").append('\n');
    return out.toString();
  }
}
