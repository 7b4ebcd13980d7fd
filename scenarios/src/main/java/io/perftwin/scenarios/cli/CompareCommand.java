package io.perftwin.scenarios.cli;

import io.perftwin.reports.BaselineComparison;
import io.perftwin.reports.ComparisonSettings;
import io.perftwin.reports.ComparisonSummary;
import io.perftwin.reports.RunFolder;
import io.perftwin.reports.RunFolderException;
import io.perftwin.scenarios.ExitCodes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code twin compare BASELINE CANDIDATE}: the statistical comparison of two finished runs; writes nothing. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare two runs of the same scenario: per request name and percentile the relative change "
        + "with a bootstrap confidence interval, a Mann-Whitney U test, and a verdict better/same/worse/unknown.",
        "Exit 1 if a metric is worse, 0 otherwise, 2 on bad input. Nothing is written."})
final class CompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASELINE_RUN", description = "the baseline run folder")
  Path baseline;

  @Parameters(index = "1", paramLabel = "CANDIDATE_RUN", description = "the run folder to judge")
  Path candidate;

  @Option(names = "--min-effect", paramLabel = "PCT", description = "smallest relative change that matters (default: 5%%)")
  String minEffect;

  @Override
  public Integer call() {
    try {
      ComparisonSettings settings = CliValues.comparison(minEffect);
      RunFolder[] pair = RunFolder.readPair(baseline, candidate);
      RunFolder base = pair[0];
      RunFolder cand = pair[1];
      BaselineComparison c = BaselineComparison.compare(base, cand, settings);
      spec.commandLine().getOut().print(ComparisonSummary.render(c, cand.runId()));
      spec.commandLine().getOut().flush();
      return c.worse() ? ExitCodes.GATE_FAILED : ExitCodes.PASS;
    } catch (RunFolderException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("twin compare: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
  }
}
