package io.perftwin.scenarios.cli;

import io.perftwin.reports.ChangePoint;
import io.perftwin.reports.ChangePointSettings;
import io.perftwin.reports.ChangePoints;
import io.perftwin.reports.HistoryEntry;
import io.perftwin.reports.HistorySummary;
import io.perftwin.reports.RunFolderException;
import io.perftwin.reports.RunHistory;
import io.perftwin.scenarios.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code twin history}: the runs of a scenario over time from the runs folder, with change points
 * in one metric detected by E-divisive means. Runs without the metric (no summary) and invalid
 * runs are listed but left out of the series.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "List the runs of a scenario over time and mark change points in a metric (E-divisive means).")
final class HistoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "NAME", description = "scenario name (default: every scenario under the runs folder)")
  String scenario;

  @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "the runs folder (default: ${DEFAULT-VALUE})")
  Path runsRoot;

  @Option(names = "--metric", paramLabel = "NAME", defaultValue = "p99",
      description = "metric of all requests whose change points are sought: p50, p90, p99, p99.9, max, mean, throughput, "
          + "errorRatio (default: ${DEFAULT-VALUE})")
  String metric;

  @Option(names = "--chart", paramLabel = "FILE.png", description = "also draw the metric over the runs, change points marked")
  Path chart;

  @Override
  public Integer call() {
    if (!HistoryEntry.METRICS.contains(metric)) {
      return bad("--metric must be one of " + String.join(", ", HistoryEntry.METRICS) + ", got '" + metric + "'");
    }
    if (!Files.isDirectory(runsRoot)) {
      return bad(runsRoot + " is not a runs folder: no such directory");
    }
    List<HistoryEntry> all;
    try {
      all = RunHistory.load(runsRoot);
    } catch (RunFolderException e) {
      return bad(e.getMessage());
    }
    Set<String> scenarios = new LinkedHashSet<>();
    all.forEach(e -> scenarios.add(e.scenario()));
    if (scenario != null && !scenarios.contains(scenario)) {
      return bad("no run of scenario '" + scenario + "' under " + runsRoot
          + (scenarios.isEmpty() ? "" : "; scenarios there: " + String.join(", ", scenarios)));
    }
    if (scenario == null && chart != null && scenarios.size() > 1) {
      return bad("--chart needs --scenario when the runs folder holds several scenarios: " + String.join(", ", scenarios));
    }
    if (scenarios.isEmpty()) {
      spec.commandLine().getOut().println("no runs under " + runsRoot);
      return ExitCodes.PASS;
    }
    ChangePointSettings settings = ChangePointSettings.DEFAULT;
    for (String name : scenario == null ? scenarios : Set.of(scenario)) {
      List<HistoryEntry> runs = all.stream().filter(e -> e.scenario().equals(name)).toList();
      List<Integer> positions = new ArrayList<>();
      List<HistoryEntry> inSeries = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        HistoryEntry e = runs.get(i);
        if (Double.isFinite(e.metric(metric)) && ("pass".equals(e.verdict()) || "fail".equals(e.verdict()))) {
          positions.add(i);
          inSeries.add(e);
        }
      }
      List<ChangePoint> found = ChangePoints.detect(HistorySummary.series(inSeries, metric), settings);
      List<ChangePoint> marked = new ArrayList<>();
      for (ChangePoint cp : found) {
        marked.add(new ChangePoint(positions.get(cp.index()), cp.pValue(), cp.meanBefore(), cp.meanAfter()));
      }
      spec.commandLine().getOut().print(HistorySummary.render(name, runs, metric, marked, settings,
          runs.size() - inSeries.size()));
      if (chart != null) {
        try {
          Files.write(chart, HistorySummary.chartPng(name, metric, inSeries, found));
          spec.commandLine().getOut().println("chart: " + chart);
        } catch (IOException | RuntimeException e) {
          spec.commandLine().getErr().println("twin history: the chart could not be written to " + chart + ": " + e.getMessage());
        }
      }
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.PASS;
  }

  private int bad(String message) {
    spec.commandLine().getErr().println("twin history: " + message);
    return ExitCodes.BAD_INPUT;
  }
}
