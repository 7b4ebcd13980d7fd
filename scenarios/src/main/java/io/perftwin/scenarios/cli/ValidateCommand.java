package io.perftwin.scenarios.cli;

import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code twin validate}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check scenario files without running anything.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SCENARIO.yaml", description = "scenario files")
  List<Path> files;

  @Override
  public Integer call() {
    int bad = 0;
    for (Path f : files) {
      try {
        Scenario s = ScenarioParser.parse(f, Overrides.NONE);
        spec.commandLine().getOut().println("ok   " + f + ": " + s.load().phases().size() + " phases, "
            + s.load().requests().size() + " requests, " + s.slos().size() + " SLOs");
      } catch (ScenarioException e) {
        bad++;
        spec.commandLine().getErr().println(e.getMessage());
      }
    }
    return bad == 0 ? ExitCodes.PASS : ExitCodes.BAD_INPUT;
  }
}
