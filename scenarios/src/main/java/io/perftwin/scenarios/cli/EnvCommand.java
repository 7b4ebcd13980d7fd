package io.perftwin.scenarios.cli;

import io.perftwin.infra.cluster.ClusterException;
import io.perftwin.infra.cluster.ClusterNode;
import io.perftwin.infra.cluster.LocalCluster;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code twin env up|down|status}: the local cluster in network namespaces, kept between commands.
 * The default topology (loadgen + target) until scenarios describe their own.
 */
@Command(name = "env", mixinStandardHelpOptions = true,
    description = "Bring the local namespace cluster of a scenario up, take it down, or list perftwin namespaces.")
final class EnvCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "up|down|status", description = "what to do")
  String action;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SCENARIO.yaml", description = "scenario (needed by up and down)")
  Path scenarioFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!List.of("up", "down", "status").contains(action)) {
      err.println("twin env: unknown action '" + action + "'; allowed: up, down, status");
      return ExitCodes.BAD_INPUT;
    }
    Scenario scenario = null;
    if (!action.equals("status")) {
      if (scenarioFile == null) {
        err.println("twin env " + action + ": a scenario file is required");
        return ExitCodes.BAD_INPUT;
      }
      try {
        scenario = ScenarioParser.parse(scenarioFile, Overrides.NONE);
      } catch (ScenarioException e) {
        err.println(e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
    }
    try {
      LocalCluster.checkAvailable();
      switch (action) {
        case "up" -> {
          LocalCluster cluster = LocalCluster.upKept(LocalCluster.DEFAULT_NODES, scenario.name());
          out.println("cluster pt-" + cluster.id() + " up for " + scenario.name() + " (" + LocalCluster.ADDRESS_RANGE
              + ", hub " + cluster.hubNamespace() + "); 'twin env down " + scenarioFile + "' removes it");
          for (ClusterNode n : cluster.nodes()) {
            out.println("  " + n.name() + "  " + n.namespace() + "  " + n.address());
          }
        }
        case "down" -> {
          List<String> kept = LocalCluster.removeKept(scenario.name());
          List<String> leftovers = new java.util.ArrayList<>(LocalCluster.cleanupLeftovers());
          leftovers.addAll(io.perftwin.shaping.ShapingLeftovers.cleanup());
          out.println("removed " + kept.size() + " cluster(s) of " + scenario.name() + " and " + leftovers.size() + " leftover(s)");
        }
        default -> {
          List<LocalCluster.Status> all = LocalCluster.status();
          if (all.isEmpty()) {
            out.println("no perftwin namespaces");
          }
          for (LocalCluster.Status s : all) {
            out.println(s.describe());
          }
        }
      }
      return ExitCodes.PASS;
    } catch (ClusterException e) {
      err.println("twin env " + action + ": " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }
}
