package io.perftwin.scenarios.run;

import java.nio.file.Path;
import java.util.List;

/**
 * How {@code twin run} was asked to run.
 *
 * @param runsRoot folder under which the run folder is created ({@code runs/} by default)
 * @param overrides the overrides as given on the command line, for run.json
 * @param terminal whether the console is a terminal (progress line rewritten in place)
 */
public record RunOptions(Path runsRoot, List<String> overrides, boolean terminal) {
  public RunOptions {
    overrides = List.copyOf(overrides);
  }
}
