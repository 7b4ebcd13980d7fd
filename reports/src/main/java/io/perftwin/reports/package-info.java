/**
 * Reports: from what a run measured to a verdict and the files people and CI read.
 *
 * <p>{@link io.perftwin.reports.SloEvaluator} measures each {@link io.perftwin.reports.Slo} on a
 * {@link io.perftwin.loadgen.results.MeasuredRun}; {@link io.perftwin.reports.Verdict} decides
 * pass, fail or invalid (invalid wins: a measurement that cannot be trusted proves nothing);
 * {@link io.perftwin.reports.RunReport#write RunReport.write} writes {@code summary.json},
 * {@code junit.xml}, {@code summary.md} and {@code report.html} into the run folder and returns
 * the {@link io.perftwin.reports.RunSummary}, which
 * {@link io.perftwin.reports.ConsoleSummary} prints at the end of the run.
 *
 * <p>A finished run is read back by {@link io.perftwin.reports.RunFolder} (bad input is a
 * {@link io.perftwin.reports.RunFolderException} with a message naming the file);
 * {@link io.perftwin.reports.BaselineComparison} compares it with a baseline run per request name
 * and percentile ({@link io.perftwin.reports.ComparisonSettings}, verdicts
 * {@link io.perftwin.reports.ChangeVerdict}); {@link io.perftwin.reports.RunHistory} lists the runs
 * of a runs folder through an index, and {@link io.perftwin.reports.ChangePoints} finds change
 * points in a metric's series by E-divisive means. Methods and parameters: {@code docs/reporting.md}.
 *
 * <p>The files are specified in {@code docs/results-format.md}; golden files in the tests seal
 * their exact text. Everything under {@code io.perftwin.reports.internal} is implementation,
 * not API.
 */
package io.perftwin.reports;
