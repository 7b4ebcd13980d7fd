package io.perftwin.reports;

import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.loadgen.results.RunManifest;
import io.perftwin.reports.internal.HtmlReport;
import io.perftwin.reports.internal.JunitXml;
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
    RunSummary summary = RunSummary.of(manifest, run, SloEvaluator.evaluate(slos, run));
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + runDir, e);
    }
    ResultsJson.writeString(runDir.resolve(SUMMARY_JSON), SummaryJson.render(summary));
    ResultsJson.writeString(runDir.resolve(JUNIT_XML), JunitXml.render(summary));
    ResultsJson.writeString(runDir.resolve(SUMMARY_MD), SummaryMarkdown.render(summary));
    ResultsJson.writeString(runDir.resolve(REPORT_HTML), HtmlReport.render(summary, manifest, run));
    return summary;
  }
}
