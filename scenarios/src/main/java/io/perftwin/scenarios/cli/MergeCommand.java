package io.perftwin.scenarios.cli;

import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.loadgen.results.RunManifest;
import io.perftwin.reports.ConsoleSummary;
import io.perftwin.reports.RunFolder;
import io.perftwin.reports.RunFolderException;
import io.perftwin.reports.RunReport;
import io.perftwin.reports.RunSummary;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import io.perftwin.scenarios.run.AgentMerge;
import io.perftwin.scenarios.run.RunFolders;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code twin merge}: one run folder from the folders of the agents of a distributed run. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Combine the result folders of 'twin agent' processes into one run folder, exactly "
        + "(histograms add, time series align), and report it against the scenario's SLOs.")
final class MergeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the merged run folder (new or empty)")
  Path out;

  @Option(names = "--scenario", paramLabel = "SCENARIO.yaml",
      description = "scenario whose SLOs judge the merged run (default: the one recorded in the first agent's run.json)")
  Path scenarioFile;

  @Parameters(arity = "1..*", paramLabel = "AGENT_DIR", description = "folders written by twin agent")
  List<Path> agents = new ArrayList<>();

  @Override
  public Integer call() {
    java.io.PrintWriter err = spec.commandLine().getErr();
    RunFolder first;
    try {
      for (Path a : agents) {
        RunFolder f = RunFolder.read(a);
        if (!f.hasSummary()) {
          err.println("twin merge: " + a + " has no summary.json: not a finished agent folder");
          return ExitCodes.BAD_INPUT;
        }
      }
      first = RunFolder.read(agents.get(0));
    } catch (RunFolderException e) {
      err.println("twin merge: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    RunManifest m = first.manifest();
    Path file = scenarioFile != null ? scenarioFile : Path.of(m.scenarioFile());
    Scenario scenario;
    try {
      scenario = ScenarioParser.parse(file);
    } catch (ScenarioException e) {
      err.println(e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    try {
      RunFolders.createExact(out);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      err.println("twin merge: --out: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    MeasuredRun run = AgentMerge.merge(agents, out);
    java.util.Map<String, Object> environment = new java.util.LinkedHashMap<>();
    environment.put("kind", "merged");
    environment.put("agents", agents.stream().map(Path::toString).toList());
    RunManifest merged = m.withRunId(out.getFileName().toString()).withEnvironment(environment)
        .withStart(run.start().toString()).withEnd(run.end().toString(), run.valid() ? "completed" : "invalid");
    ResultsJson.write(out.resolve("run.json"), merged);
    RunSummary summary = RunReport.write(out, merged, run, scenario.slos(), (Path) null);
    PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    console.print(ConsoleSummary.render(summary));
    console.println("report: " + out.resolve("report.html"));
    return summary.verdict().exitCode();
  }
}
