package io.perftwin.reports;

import io.perftwin.loadgen.Formats;
import io.perftwin.reports.internal.Figures;
import io.perftwin.reports.internal.TextTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The history of a scenario for the terminal ({@code twin history}): one line per run, change points marked. */
public final class HistorySummary {
  private HistorySummary() {}

  /** The unit of a history metric: {@code ms}, {@code /s} or {@code ratio}. */
  public static String unit(String metric) {
    return switch (metric) {
      case "throughput" -> "/s";
      case "errorRatio" -> "ratio";
      default -> "ms";
    };
  }

  /** The metric of each run, in order (NaN where a run has none). */
  public static double[] series(List<HistoryEntry> runs, String metric) {
    return runs.stream().mapToDouble(e -> e.metric(metric)).toArray();
  }

  public static String render(String scenario, List<HistoryEntry> runs, String metric, List<ChangePoint> changePoints,
      ChangePointSettings settings, int skippedWithoutFigures) {
    StringBuilder out = new StringBuilder();
    out.append("perftwin history: ").append(scenario).append(", ").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
        .append("; change points in ").append(metric).append('\n');
    Map<Integer, ChangePoint> at = new HashMap<>();
    changePoints.forEach(cp -> at.put(cp.index(), cp));
    TextTable t = new TextTable("start", "run id", "verdict", "p50 ms", "p99 ms", "throughput/s", "change point")
        .leftAligned(1, 2, 6);
    for (int i = 0; i < runs.size(); i++) {
      HistoryEntry e = runs.get(i);
      ChangePoint cp = at.get(i);
      t.row(e.startTime() == null ? Figures.MISSING : e.startTime(), e.runId(),
          e.verdict() == null ? "(" + (e.outcome() == null ? "no summary" : e.outcome()) + ")" : e.verdict(),
          Figures.millis(e.metric("p50")), Figures.millis(e.metric("p99")), Figures.rate(e.metric("throughput")),
          cp == null ? "" : "<-- " + metric + " " + Figures.change(cp.relativeChange()) + " (p " + Figures.pValue(cp.pValue()) + ")");
    }
    out.append(t.render("  ")).append('\n');
    if (changePoints.isEmpty()) {
      out.append("no change point in ").append(metric).append('\n');
    } else {
      out.append(changePoints.size()).append(changePoints.size() == 1 ? " change point" : " change points")
          .append(" in ").append(metric).append('\n');
    }
    if (skippedWithoutFigures > 0) {
      out.append(skippedWithoutFigures).append(" runs without ").append(metric)
          .append(" (interrupted, failed or invalid) are listed but not part of the series\n");
    }
    out.append(method(settings)).append('\n');
    return out.toString();
  }

  /**
   * The metric over the runs (x: run number, oldest first) with each change point marked, as a
   * PNG image; {@code changePoints} index into {@code runs}.
   */
  public static byte[] chartPng(String scenario, String metric, List<HistoryEntry> runs, List<ChangePoint> changePoints) {
    return io.perftwin.reports.internal.HistoryChart.png(
        io.perftwin.reports.internal.HistoryChart.create(scenario, metric, unit(metric), runs, changePoints));
  }

  /** The change-point method and its parameters in one sentence. */
  public static String method(ChangePointSettings s) {
    return "Method: E-divisive means (energy distance, alpha 1) with a permutation test: " + s.permutations()
        + " permutations, significance " + Formats.number(s.alpha()) + ", at least " + s.minSegment()
        + " runs per segment, seed " + s.seed() + ".";
  }
}
