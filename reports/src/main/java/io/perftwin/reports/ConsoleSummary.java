package io.perftwin.reports;

import io.perftwin.loadgen.Formats;
import io.perftwin.reports.RunSummary.RequestFigures;
import io.perftwin.reports.internal.Figures;
import io.perftwin.reports.internal.TextTable;

/**
 * The end-of-run summary for the terminal: figures per request name, each objective with its
 * result, the generator's figures, then the verdict with the exit code and, for an invalid run,
 * why. Plain ASCII (apart from user text), fixed-width columns, LF line ends.
 */
public final class ConsoleSummary {
  private ConsoleSummary() {}

  public static String render(RunSummary s) {
    StringBuilder out = new StringBuilder();
    out.append("perftwin ").append(s.scenario()).append("  run ").append(s.runId())
        .append("  (").append(Formats.number(s.measuredSeconds())).append(" s measured)\n\n");

    TextTable requests = new TextTable("request", "count", "errors", "rate/s",
        "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms");
    s.requests().forEach((name, f) -> requests.row(name, Long.toString(f.count()), Long.toString(f.errors()),
        Figures.rate(f.achievedRate()), Figures.millis(f.latencyMs().p50()), Figures.millis(f.latencyMs().p90()),
        Figures.millis(f.latencyMs().p99()), Figures.millis(f.latencyMs().p999()), Figures.millis(f.latencyMs().max())));
    out.append(requests.render("  ")).append('\n');

    if (s.slos().isEmpty()) {
      out.append("SLOs: none defined\n\n");
    } else {
      out.append("SLOs\n");
      TextTable slos = new TextTable("result", "objective", "actual").leftAligned(1, 2);
      for (SloResult r : s.slos()) {
        slos.row(Figures.passFail(r.pass()), r.slo().text(), Figures.actual(r));
      }
      out.append(slos.render("  ")).append('\n');
    }

    RequestFigures all = s.all();
    out.append("generator: offered ").append(Figures.rate(s.generator().offeredRate()))
        .append("/s, achieved ").append(all == null ? Figures.MISSING : Figures.rate(all.achievedRate()))
        .append("/s, schedule lag p99 ").append(Figures.millis(s.generator().scheduleLagMs().p99()))
        .append(" ms, max ").append(Figures.millis(s.generator().scheduleLagMs().max())).append(" ms\n");

    if (s.comparison() != null) {
      BaselineComparison c = s.comparison();
      out.append("baseline ").append(c.baselineRunId()).append(": ").append(c.verdict().key()).append('\n');
      for (MetricComparison m : c.metrics()) {
        if (m.verdict() == ChangeVerdict.WORSE || m.verdict() == ChangeVerdict.BETTER) {
          String line = "  " + m.verdict().key() + "  " + m.label() + "  " + Figures.change(m.change()) + " "
              + Figures.interval(m.changeLow(), m.changeHigh());
          out.append(line.stripTrailing()).append('\n');
        }
      }
    }
    out.append("verdict: ").append(s.verdict().name()).append(" (exit ").append(s.verdict().exitCode()).append(")\n");
    if (!s.generator().valid()) {
      out.append("the run is invalid; its figures cannot be trusted:\n");
      for (String reason : s.generator().invalidReasons()) {
        out.append("  - ").append(reason.replaceAll("\\R", "\n    ")).append('\n');
      }
    }
    return out.toString();
  }
}
