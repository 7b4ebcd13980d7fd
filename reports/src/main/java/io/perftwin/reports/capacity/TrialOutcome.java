package io.perftwin.reports.capacity;

/** How one capacity trial ended. */
public enum TrialOutcome {
  /** Valid, and every objective met. */
  PASS("pass"),
  /** Valid, and an objective missed. */
  SLO_FAILED("slo-failed"),
  /**
   * The generator kept to its schedule but the target answered less than the offered rate: the
   * target is the bottleneck (a failed trial, like a missed objective).
   */
  TARGET_SATURATED("target-saturated"),
  /** The generator could not hold the offered rate (schedule lag): the trial says nothing about the target. */
  GENERATOR_BOUND("generator-bound"),
  /** Invalid for another reason (interrupted, target unreachable). */
  INVALID("invalid");

  private final String key;

  TrialOutcome(String key) {
    this.key = key;
  }

  /** The name used in capacity.json and the reports. */
  public String key() {
    return key;
  }

  /** Whether the trial says something about the target (pass or a target-caused failure). */
  public boolean conclusive() {
    return this == PASS || this == SLO_FAILED || this == TARGET_SATURATED;
  }
}
