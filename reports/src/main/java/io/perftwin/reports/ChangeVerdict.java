package io.perftwin.reports;

/** How a metric of the candidate run compares with the baseline. */
public enum ChangeVerdict {
  /** Significantly lower latency, by at least the minimum effect. */
  BETTER("better"),
  /** No change of at least the minimum effect that the data can show. */
  SAME("same"),
  /** Significantly higher latency, by at least the minimum effect: fails the gate. */
  WORSE("worse"),
  /** Too few samples on either side to say. */
  UNKNOWN("unknown");

  private final String key;

  ChangeVerdict(String key) {
    this.key = key;
  }

  /** The value in summary.json. */
  public String key() {
    return key;
  }
}
