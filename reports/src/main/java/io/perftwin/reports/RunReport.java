package io.perftwin.reports;

import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.loadgen.results.RunManifest;
import io.perftwin.reports.internal.HtmlReport;
import io.perftwin.reports.internal.JunitXml;
import io.perftwin.reports.internal.LatencyLog;
import io.perftwin.reports.internal.SummaryJson;
import io.perftwin.reports.internal.SummaryMarkdown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the report files of a run folder: {@value #SUMMARY_JSON}, {@value #JUNIT_XML},
 * {@value #SUMMARY_MD} and {@value #REPORT_HTML}, each through a temporary file and an atomic
 * rename. {@code run.json} and {@code latency.hlog} belong to the runner and are not touched.
 */
public final class RunReport {
  private RunReport() {}

  public static final String SUMMARY_JSON = "summary.json";
  public static final String JUNIT_XML = "junit.xml";
  public static final String SUMMARY_MD = "summary.md";
  public static final String REPORT_HTML = "report.html";

  /**
   * Evaluates the objectives, decides the verdict and writes the four files (machine-readable
   * ones first, the HTML page last).
   *
   * @throws IllegalArgumentException if an objective names a request the run does not have
   * @throws UncheckedIOException if a file cannot be written
   */
  public static RunSummary write(Path runDir, RunManifest manifest, MeasuredRun run, List<Slo> slos) {
    return write(runDir, manifest, run, slos, (BaselineComparison) null);
  }

  /**
   * As {@link #write(Path, RunManifest, MeasuredRun, List)}, with a comparison with a baseline
   * ({@code null} for none): a metric worse than the baseline fails the verdict.
   */
  public static RunSummary write(Path runDir, RunManifest manifest, MeasuredRun run, List<Slo> slos,
      BaselineComparison comparison) {
    return write(runDir, manifest, run, slos, comparison, null);
  }

  /**
   * The end of {@code twin run --baseline}: reads the baseline folder and the run's own latency
   * log (complete once the engine has returned), compares them with the default settings, then
   * writes the report as {@link #write(Path, RunManifest, MeasuredRun, List, BaselineComparison)}.
   *
   * @param baselineDir the baseline run folder, or {@code null} for no comparison
   * @throws RunFolderException if the baseline cannot be read or is of another scenario
   */
  public static RunSummary write(Path runDir, RunManifest manifest, MeasuredRun run, List<Slo> slos, Path baselineDir) {
    if (baselineDir == null) {
      return write(runDir, manifest, run, slos);
    }
    RunFolder[] pair = RunFolder.readPair(baselineDir, runDir);
    RunFolder baseline = pair[0];
    RunFolder candidate = pair[1];
    BaselineComparison comparison = BaselineComparison.compare(baseline, candidate, ComparisonSettings.DEFAULT);
    return write(runDir, manifest, run, slos, comparison, candidate.latency());
  }

  /** Re-renders the report of a run folder read back (for {@code twin report}). */
  public static RunSummary rewrite(RunFolder folder, List<Slo> slos, BaselineComparison comparison) {
    return write(folder.dir(), folder.manifest(), folder.measuredRun(), slos, comparison, folder.latency());
  }

  private static RunSummary write(Path runDir, RunManifest manifest, MeasuredRun run, List<Slo> slos,
      BaselineComparison comparison, LatencyLog latency) {
    java.util.Set<Double> windows = new java.util.TreeSet<>();
    slos.stream().filter(o -> o.window() != null).forEach(o -> windows.add(o.window().seconds()));
    Path log = runDir.resolve(RunFolder.LATENCY_HLOG);
    if ((latency == null || !windows.isEmpty()) && Files.isRegularFile(log)) {
      try { // the log gives the charts p90 and per-interval errors, and objectives their windows
        latency = LatencyLog.read(log, null, windows);
      } catch (RunFolderException e) {
        latency = null; // the charts fall back to the engine's timeline; windowed objectives fail
      }
    }
    RunSummary summary = RunSummary.of(manifest, run, SloEvaluator.evaluate(slos, run, latency), comparison);
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + runDir, e);
    }
    ResultsJson.writeString(runDir.resolve(SUMMARY_JSON), SummaryJson.render(summary));
    ResultsJson.writeString(runDir.resolve(JUNIT_XML), JunitXml.render(summary));
    ResultsJson.writeString(runDir.resolve(SUMMARY_MD), SummaryMarkdown.render(summary));
    ResultsJson.writeString(runDir.resolve(REPORT_HTML), HtmlReport.render(summary, manifest, run, latency));
    return summary;
  }
}
