package io.perftwin.scenarios.cli;

import io.perftwin.reports.RunFolder;
import io.perftwin.reports.RunFolderException;
import io.perftwin.reports.RunHistory;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import io.perftwin.scenarios.run.RunOptions;
import io.perftwin.scenarios.run.RunOutcome;
import io.perftwin.scenarios.run.Runner;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code twin run}. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run one scenario: environment up, load, report, environment down.")
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "the scenario file")
  Path scenarioFile;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
      description = "folder in which the run folder <UTC time>-<scenario> is created (default: ${DEFAULT-VALUE})")
  Path runsRoot;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "override one setting, e.g. --set load.connections=8 --set slo.0='p99 < 20ms'")
  List<String> sets = new ArrayList<>();

  @Option(names = "--rate", paramLabel = "R", description = "rate of every measured constantRate or poissonRate phase, e.g. 800/s")
  String rate;

  @Option(names = "--duration", paramLabel = "D", description = "duration of every measured phase, e.g. 60s")
  String duration;

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "serve live Prometheus metrics on http://HOST:PORT/metrics while the run is under way (0: any free port)")
  Integer metricsPort;

  @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "address for --metrics-port (default: ${DEFAULT-VALUE})")
  String metricsHost;

  @Option(names = "--baseline", paramLabel = "RUN_DIR|latest",
      description = "compare with this run of the same scenario, or with the newest completed one under the runs "
          + "folder ('latest'); a metric worse than the baseline fails the gate (exit 1)")
  String baseline;

  @Override
  public Integer call() {
    Overrides overrides = new Overrides(sets, rate, duration);
    Scenario scenario;
    try {
      scenario = ScenarioParser.parse(scenarioFile, overrides);
    } catch (ScenarioException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    Path baselineDir = null;
    if (baseline != null) {
      try {
        baselineDir = baselineFolder(scenario.name());
      } catch (RunFolderException e) {
        spec.commandLine().getErr().println("twin run: --baseline: " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
    }
    List<String> given = new ArrayList<>();
    sets.forEach(s -> given.add("--set " + s));
    if (rate != null) {
      given.add("--rate " + rate);
    }
    if (duration != null) {
      given.add("--duration " + duration);
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    RunOutcome outcome = new Runner(Clock.systemUTC(), out)
        .run(scenario, new RunOptions(runsRoot, given, System.console() != null,
            metricsPort == null ? null : new RunOptions.MetricsEndpoint(metricsHost, metricsPort), baselineDir));
    if (outcome.exitCode() == ExitCodes.INVALID || outcome.exitCode() == ExitCodes.BAD_INPUT) {
      spec.commandLine().getErr().println("twin: " + outcome.message());
    }
    return outcome.exitCode();
  }

  /**
   * The baseline folder, checked before anything runs: readable and of the same scenario. For
   * {@code latest}, the newest completed run of the scenario under the runs folder, or null (with
   * a note) when there is none yet.
   */
  private Path baselineFolder(String scenarioName) {
    Path dir;
    if ("latest".equals(baseline)) {
      dir = RunHistory.latestCompleted(runsRoot, scenarioName).orElse(null);
      if (dir == null) {
        spec.commandLine().getErr().println("twin run: --baseline latest: no completed run of scenario '" + scenarioName
            + "' under " + runsRoot + " yet; this run is not compared");
        return null;
      }
    } else {
      dir = Path.of(baseline);
    }
    RunFolder folder = RunFolder.read(dir);
    if (!folder.scenario().equals(scenarioName)) {
      throw new RunFolderException(dir + " is a run of scenario '" + folder.scenario() + "', not '" + scenarioName
          + "': only runs of the same scenario can be compared");
    }
    return dir;
  }
}
