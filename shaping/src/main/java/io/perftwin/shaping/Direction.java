package io.perftwin.shaping;

/**
 * Which way a packet travels between the load generator and the target.
 * {@link #UP} is egress from the load generator (requests), {@link #DOWN} egress from the target
 * (responses).
 */
public enum Direction {
  UP("up"),
  DOWN("down");

  private final String key;

  Direction(String key) {
    this.key = key;
  }

  /** Scenario-file spelling: {@code up} or {@code down}. */
  public String key() {
    return key;
  }
}
