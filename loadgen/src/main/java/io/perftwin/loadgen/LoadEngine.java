package io.perftwin.loadgen;

import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;

/** Executes a {@link LoadPlan}. */
public interface LoadEngine {

  /**
   * Runs the plan to the end, or until {@code control} asks to stop, and returns what was
   * measured. Never throws for failures of the target: those are counted as errors. Interval
   * histograms go to {@code latencyLog} as they are taken, so an interrupted run keeps them.
   */
  MeasuredRun run(LoadPlan plan, RunObserver observer, LatencyLogWriter latencyLog, RunControl control);
}
