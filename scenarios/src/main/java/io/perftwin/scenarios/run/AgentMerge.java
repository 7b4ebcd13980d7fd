package io.perftwin.scenarios.run;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogMerger;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.PhaseResults;
import io.perftwin.loadgen.results.RequestStats;
import io.perftwin.reports.RunFolder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Combines the result folders of agents that each drove a share of one plan into one measured
 * run, exactly: histograms add, error counts add, offered rates add, the time series are aligned
 * on a common grid (see {@link LatencyLogMerger}), and any agent's reason to distrust its share
 * makes the whole run invalid.
 */
public final class AgentMerge {
  private AgentMerge() {}

  /** Reads every agent folder, writes the merged {@code latency.hlog} into {@code outDir}, returns the merged run. */
  public static MeasuredRun merge(List<Path> agentDirs, Path outDir) {
    List<RunFolder> agents = new ArrayList<>();
    for (Path d : agentDirs) {
      agents.add(RunFolder.read(d));
    }
    LatencyLogMerger.Merged log = LatencyLogMerger.merge(
        agentDirs.stream().map(d -> d.resolve(RunFolder.LATENCY_HLOG)).toList(), outDir.resolve(RunFolder.LATENCY_HLOG));
    Map<String, Histogram> response = new LinkedHashMap<>();
    Map<String, Histogram> service = new LinkedHashMap<>();
    Map<String, EnumMap<ErrorKind, Long>> errors = new LinkedHashMap<>();
    Histogram lag = Histograms.create();
    Instant start = null;
    Instant end = null;
    double measuredSeconds = 0;
    double offered = 0;
    List<String> invalid = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      MeasuredRun run = agents.get(i).measuredRun();
      for (Map.Entry<String, RequestStats> e : run.requests().entrySet()) {
        response.computeIfAbsent(e.getKey(), k -> Histograms.create()).add(e.getValue().responseTime());
        service.computeIfAbsent(e.getKey(), k -> Histograms.create()).add(e.getValue().serviceTime());
        EnumMap<ErrorKind, Long> byKind = errors.computeIfAbsent(e.getKey(), k -> new EnumMap<>(ErrorKind.class));
        e.getValue().errorsByKind().forEach((kind, n) -> byKind.merge(kind, n, Long::sum));
      }
      lag.add(run.scheduleLag());
      if (run.start() != null && (start == null || run.start().isBefore(start))) {
        start = run.start();
      }
      if (run.end() != null && (end == null || run.end().isAfter(end))) {
        end = run.end();
      }
      measuredSeconds = Math.max(measuredSeconds, run.measuredSeconds());
      if (!Double.isNaN(run.offeredRate())) {
        offered += run.offeredRate();
      }
      String who = agentDirs.get(i).getFileName().toString();
      for (String r : run.invalidReasons()) {
        invalid.add("agent " + who + ": " + r);
      }
      if (!agents.get(i).completed()) {
        invalid.add("agent " + who + ": did not complete (" + agents.get(i).manifest().outcome() + ")");
      }
    }
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    for (String name : response.keySet()) {
      requests.put(name, new RequestStats(response.get(name), service.get(name), errors.get(name)));
    }
    List<io.perftwin.loadgen.results.PhaseResult> phases = List.of();
    if (agentDirs.stream().allMatch(d -> java.nio.file.Files.exists(d.resolve(PhaseResults.FILE)))) {
      List<List<io.perftwin.loadgen.results.PhaseResult>> each = new ArrayList<>();
      agentDirs.forEach(d -> each.add(PhaseResults.read(d.resolve(PhaseResults.FILE))));
      if (each.stream().allMatch(p -> p.size() == each.get(0).size())) {
        phases = PhaseResults.merge(each);
      }
    }
    return new MeasuredRun(start, end, measuredSeconds, offered, requests, lag, log.timeline(), invalid, phases);
  }
}
