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
 */
public record RunOptions(Path runsRoot, List<String> overrides, boolean terminal, MetricsEndpoint metrics, Path baseline) {
  public RunOptions {
    overrides = List.copyOf(overrides);
  }

  public RunOptions(Path runsRoot, List<String> overrides, boolean terminal) {
    this(runsRoot, overrides, terminal, null, null);
  }

  public RunOptions(Path runsRoot, List<String> overrides, boolean terminal, MetricsEndpoint metrics) {
    this(runsRoot, overrides, terminal, metrics, null);
  }

  /** Where {@code /metrics} is served. */
  public record MetricsEndpoint(String host, int port) {}
}
