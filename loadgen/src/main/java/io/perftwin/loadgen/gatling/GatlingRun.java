package io.perftwin.loadgen.gatling;

import io.perftwin.loadgen.results.MeasuredRun;
import java.nio.file.Path;

/**
 * What a Gatling run left behind.
 *
 * @param measured the run in perftwin's terms, converted exactly from {@code simulation.log}
 * @param exitCode the Gatling process's exit status (0 success, 2 the simulation's assertions
 *     failed, 137 killed, …)
 * @param simulationLog Gatling's {@code simulation.log}, or {@code null} if it wrote none
 * @param reportIndex the {@code index.html} of Gatling's own HTML report, or {@code null} if it
 *     made none (killed, interrupted, or no request)
 * @param output the child's standard output and error
 */
public record GatlingRun(MeasuredRun measured, int exitCode, Path simulationLog, Path reportIndex, Path output) {}
