package io.perftwin.scenarios.run;

import java.nio.file.Path;
import java.util.List;

/**
 * How {@code twin run} was asked to run.
 *
 * @param runsRoot folder under which the run folder is created ({@code runs/} by default)
 * @param overrides the overrides as given on the command line, for run.json
 * @param terminal whether the console is a terminal (progress line rewritten in place)
 * @param metrics where to serve live Prometheus metrics ({@code host:port}), or null for nowhere
 * @param baseline run folder to compare the run with ({@code --baseline}, resolved and checked by
 *     the command), or null for no comparison
 * @param agent set when this process is one agent of a distributed run ({@code twin agent}),
 *     else null
 */
public record RunOptions(Path runsRoot, List<String> overrides, boolean terminal, MetricsEndpoint metrics, Path baseline,
    Agent agent) {
  public RunOptions {
    overrides = List.copyOf(overrides);
  }

  public RunOptions(Path runsRoot, List<String> overrides, boolean terminal, MetricsEndpoint metrics, Path baseline) {
    this(runsRoot, overrides, terminal, metrics, baseline, null);
  }

  /**
   * One agent's part of a distributed run.
   *
   * @param index this agent's share, in [0, count)
   * @param count agents sharing the plan
   * @param target where to send the load (the coordinator's target address)
   * @param eventLoops event loops, the same for every agent (the shares depend on it)
   * @param startAtEpochMillis common start time of all agents; 0 to start at once
   * @param outDir the folder this agent writes (created; must not exist or be empty)
   * @param proxyToxics toxics of a shaping proxy to put in front of the target (written by the
   *     coordinator), or null for none
   */
  public record Agent(int index, int count, java.net.URI target, int eventLoops, long startAtEpochMillis, Path outDir,
      Path proxyToxics) {}

  public RunOptions(Path runsRoot, List<String> overrides, boolean terminal) {
    this(runsRoot, overrides, terminal, null, null);
  }

  public RunOptions(Path runsRoot, List<String> overrides, boolean terminal, MetricsEndpoint metrics) {
    this(runsRoot, overrides, terminal, metrics, null);
  }

  /** Where {@code /metrics} is served. */
  public record MetricsEndpoint(String host, int port) {}
}
