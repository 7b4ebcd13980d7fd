package io.perftwin.scenarios.run;

import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioParser;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Runs {@code quickstart.yaml} through the runner with {@code --set} overrides, as {@code twin run} does. */
final class QuickstartRun {
  private QuickstartRun() {}

  /** Results go under {@code runs}; the runner's console to {@code console}. */
  static RunOutcome run(Path runs, List<String> sets, OutputStream console) throws Exception {
    Scenario s = ScenarioParser.parse(Path.of("quickstart.yaml"), new Overrides(sets, null, null));
    return new Runner(Clock.systemUTC(), new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(s, new RunOptions(runs, sets.stream().map(x -> "--set " + x).toList(), false));
  }
}
