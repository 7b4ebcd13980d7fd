package io.perftwin.reports.internal;

import io.perftwin.loadgen.Formats;
import io.perftwin.reports.BaselineComparison;
import io.perftwin.reports.ChangeVerdict;
import io.perftwin.reports.ComparisonSettings;
import io.perftwin.reports.MetricComparison;

/** The "compared with the baseline" section of report.html, and the method in one sentence. */
final class HtmlComparison {
  private HtmlComparison() {}

  static String render(BaselineComparison c) {
    StringBuilder html = new StringBuilder("<h2>Compared with the baseline</h2>\n<p>Baseline run <strong>")
        .append(Escape.html(c.baselineRunId())).append("</strong>: <span class=\"change ")
        .append(c.verdict().key()).append("\">").append(c.verdict().key().toUpperCase(java.util.Locale.ROOT))
        .append("</span></p>\n");
    HtmlTable t = new HtmlTable("numbers comparison", "request", "metric", "baseline ms", "candidate ms", "change",
        "95% interval", "p", "verdict", "why");
    for (MetricComparison m : c.metrics()) {
      boolean rank = MetricComparison.MANN_WHITNEY.equals(m.metric());
      t.rowWithClass(m.verdict().key(), m.request(), rank ? "Mann\u2013Whitney U (medians)" : m.metric(),
          Figures.millis(m.baselineMs()), Figures.millis(m.candidateMs()), Figures.change(m.change()),
          Figures.interval(m.changeLow(), m.changeHigh()), rank ? Figures.pValue(m.pValue()) : "",
          m.verdict() == ChangeVerdict.WORSE ? "WORSE" : m.verdict().key(), m.reason());
    }
    html.append(t.render());
    html.append("<p class=\"method\">").append(Escape.html(methodSentence(c.settings()))).append("</p>\n");
    return html.toString();
  }

  /** The method and its parameters, as printed in report.html and summary.md. */
  static String methodSentence(ComparisonSettings s) {
    return "Method: relative change of each percentile (candidate / baseline - 1) with a "
        + Formats.number(s.confidence() * 100) + "% percentile-bootstrap interval over 1 s interval histograms ("
        + s.resamples() + " resamples, seed " + s.seed() + "); Mann-Whitney U test on the whole distribution "
        + "(two-sided, normal approximation with tie correction, alpha " + Formats.number(s.alpha())
        + "); minimum effect " + Formats.number(s.minEffect() * 100) + "%. Worse or better only when the change is "
        + "significant and at least the minimum effect; unknown with fewer than " + s.minRequests()
        + " requests or " + s.minIntervals() + " measured intervals on a side, or fewer than "
        + Formats.number(s.minTailSamples()) + " requests above a percentile.";
  }
}
