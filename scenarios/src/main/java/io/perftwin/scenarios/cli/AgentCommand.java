package io.perftwin.scenarios.cli;

import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import io.perftwin.scenarios.run.RunOptions;
import io.perftwin.scenarios.run.RunOutcome;
import io.perftwin.scenarios.run.Runner;
import java.io.PrintStream;
import java.net.URI;
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

/** {@code twin agent}: one share of a distributed run; {@code twin merge} combines the shares. */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Drive share INDEX of COUNT of a scenario's load against TARGET from a common start time, "
        + "and write this share's results to --out (run.json, summary.json, latency.hlog, …).")
final class AgentCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "the scenario file")
  Path scenarioFile;

  @Option(names = "--index", required = true, description = "this agent's share, 0 ≤ INDEX < COUNT")
  int index;

  @Option(names = "--of", paramLabel = "COUNT", required = true, description = "how many agents share the load")
  int count;

  @Option(names = "--target", required = true, paramLabel = "URL", description = "base URL of the target, e.g. http://10.77.0.3:8080")
  URI target;

  @Option(names = "--event-loops", paramLabel = "N", defaultValue = "0",
      description = "event loops; every agent of a run must use the same number (0: this machine's default)")
  int eventLoops;

  @Option(names = "--seed", required = true, description = "the run's seed, the same for every agent")
  long seed;

  @Option(names = "--start-at", paramLabel = "EPOCH_MS", defaultValue = "0",
      description = "common start time of all agents, milliseconds since the epoch (0: now)")
  long startAt;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for this agent's results (new or empty)")
  Path out;

  @Option(names = "--proxy-toxics", paramLabel = "FILE",
      description = "JSON list of toxiproxy-style toxics: send through a shaping proxy in this process with them")
  Path proxyToxics;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override one setting, as for twin run")
  List<String> sets = new ArrayList<>();

  @Option(names = "--rate", paramLabel = "R", description = "as for twin run")
  String rate;

  @Option(names = "--duration", paramLabel = "D", description = "as for twin run")
  String duration;

  @Override
  public Integer call() {
    if (count < 1 || index < 0 || index >= count) {
      spec.commandLine().getErr().println("twin agent: --index " + index + " --of " + count + ": need 0 <= index < count");
      return ExitCodes.BAD_INPUT;
    }
    String scheme = target.getScheme();
    if (!"http".equals(scheme) || target.getHost() == null) {
      spec.commandLine().getErr().println("twin agent: --target " + target + ": need http://HOST:PORT");
      return ExitCodes.BAD_INPUT;
    }
    Scenario scenario;
    try {
      scenario = ScenarioParser.parse(scenarioFile, new Overrides(sets, rate, duration));
    } catch (ScenarioException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    List<String> given = new ArrayList<>();
    sets.forEach(s -> given.add("--set " + s));
    PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    RunOptions options = new RunOptions(out.getParent() == null ? Path.of(".") : out.getParent(), given, false, null, null,
        new RunOptions.Agent(index, count, target, eventLoops, startAt, out, proxyToxics));
    Scenario seeded = new Scenario(scenario.name(), scenario.file(), scenario.sha256(), scenario.target(), scenario.network(),
        scenario.load(), scenario.slos(), seed, scenario.resolved(), scenario.environment());
    RunOutcome outcome = new Runner(Clock.systemUTC(), console).run(seeded, options);
    if (outcome.exitCode() == ExitCodes.INVALID) {
      spec.commandLine().getErr().println("twin agent: " + outcome.message());
    }
    return outcome.exitCode();
  }
}
