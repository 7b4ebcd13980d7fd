package io.perftwin.scenarios;

/** The exit codes of {@code twin}; see design.md. */
public final class ExitCodes {
  private ExitCodes() {}

  /** Every gate passed. */
  public static final int PASS = 0;
  /** A gate failed (SLO or regression). */
  public static final int GATE_FAILED = 1;
  /** Bad input or usage: nothing was run and nothing was written. */
  public static final int BAD_INPUT = 2;
  /** The run is invalid (generator could not hold the rate, environment failed, interrupted); results are written. */
  public static final int INVALID = 3;
}
