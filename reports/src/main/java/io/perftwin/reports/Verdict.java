package io.perftwin.reports;

import io.perftwin.loadgen.results.MeasuredRun;
import java.util.List;

/** The outcome of a run, as the exit code and every report state it. */
public enum Verdict {
  /** Every objective met, and the measurement can be trusted. */
  PASS(0, "pass"),
  /** At least one objective missed, or a metric worse than the baseline. */
  FAIL(1, "fail"),
  /**
   * The measurement cannot be trusted (the generator could not hold the offered rate, the
   * environment failed, the run was interrupted); takes precedence over the objectives.
   */
  INVALID(3, "invalid");

  private final int exitCode;
  private final String key;

  Verdict(int exitCode, String key) {
    this.exitCode = exitCode;
    this.key = key;
  }

  /** The process exit code of {@code twin run}: 0, 1 or 3. */
  public int exitCode() {
    return exitCode;
  }

  /** The value in summary.json: {@code pass}, {@code fail} or {@code invalid}. */
  public String key() {
    return key;
  }

  /** {@code INVALID} if the run is not valid, else {@code FAIL} if any objective failed, else {@code PASS}. */
  public static Verdict of(MeasuredRun run, List<SloResult> results) {
    return of(run.valid(), results);
  }

  /** The same rule, for a run whose validity is already known. */
  public static Verdict of(boolean runValid, List<SloResult> results) {
    return of(runValid, results, null);
  }

  /** The same rule, where a comparison with a baseline (or null) that found a metric worse also fails. */
  public static Verdict of(boolean runValid, List<SloResult> results, BaselineComparison comparison) {
    if (!runValid) {
      return INVALID;
    }
    boolean regressed = comparison != null && comparison.worse();
    return results.stream().allMatch(SloResult::pass) && !regressed ? PASS : FAIL;
  }
}
