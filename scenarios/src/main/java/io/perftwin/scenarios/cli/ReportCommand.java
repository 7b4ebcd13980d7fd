package io.perftwin.scenarios.cli;

import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.reports.BaselineComparison;
import io.perftwin.reports.ComparisonSettings;
import io.perftwin.reports.ConsoleSummary;
import io.perftwin.reports.RunFolder;
import io.perftwin.reports.RunFolderException;
import io.perftwin.reports.RunReport;
import io.perftwin.reports.RunSummary;
import io.perftwin.reports.Slo;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.parse.SloParser;
import io.perftwin.scenarios.parse.ValueException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code twin report RUN_DIR [--baseline RUN_DIR]}: re-renders summary.json, junit.xml, summary.md
 * and report.html of a finished run from its run.json, latency.hlog and summary.json (objectives
 * as recorded there). Everything is read and checked before anything is written.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Re-render the report of a finished run from its folder, optionally compared with a baseline run.",
        "Exit code as for 'twin run': 0 pass, 1 a gate failed, 3 the run was invalid; 2 on bad input."})
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run folder")
  Path runDir;

  @Option(names = "--baseline", paramLabel = "RUN_DIR", description = "compare with this run of the same scenario")
  Path baseline;

  @Option(names = "--min-effect", paramLabel = "PCT", description = "smallest relative change that matters (default: 5%%)")
  String minEffect;

  @Override
  public Integer call() {
    RunFolder folder;
    MeasuredRun run;
    List<Slo> slos = new ArrayList<>();
    BaselineComparison comparison = null;
    try {
      ComparisonSettings settings = CliValues.comparison(minEffect);
      RunFolder base = null;
      if (baseline != null) {
        RunFolder[] pair = RunFolder.readPair(baseline, runDir);
        base = pair[0];
        folder = pair[1];
      } else {
        folder = RunFolder.read(runDir);
      }
      run = folder.measuredRun();
      for (String objective : folder.objectives()) {
        slos.add(SloParser.parse(objective, run.requests().keySet()));
      }
      if (base != null) {
        comparison = BaselineComparison.compare(base, folder, settings);
      }
    } catch (RunFolderException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("twin report: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (ValueException e) {
      spec.commandLine().getErr().println("twin report: " + runDir.resolve(RunReport.SUMMARY_JSON)
          + ": an objective cannot be read back: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    RunSummary summary = RunReport.rewrite(folder, slos, comparison);
    spec.commandLine().getOut().print(ConsoleSummary.render(summary));
    spec.commandLine().getOut().println("report: " + runDir.resolve(RunReport.REPORT_HTML));
    spec.commandLine().getOut().flush();
    return summary.verdict().exitCode();
  }
}
