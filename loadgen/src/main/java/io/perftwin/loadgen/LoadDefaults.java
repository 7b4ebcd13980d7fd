package io.perftwin.loadgen;

import java.time.Duration;

/**
 * Every default of the load generator, in one place. The scenario reference
 * (docs/scenario-reference.md) quotes these values; change both together.
 */
public final class LoadDefaults {
  private LoadDefaults() {}

  /** HTTP connections when the scenario does not say ({@code load.connections}). */
  public static final int CONNECTIONS = 16;

  /** Request timeout ({@code load.timeout}); k6 and Gatling use 60 s, we prefer to fail faster. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Schedule-lag p99 above which the generator is judged unable to hold the offered rate and the
   * run is invalid ({@code load.maxScheduleLag}).
   */
  public static final Duration MAX_SCHEDULE_LAG_P99 = Duration.ofMillis(10);

  /** Interval of the latency log and of the console progress line. */
  public static final Duration REPORTING_INTERVAL = Duration.ofSeconds(1);

  /** How long to wait for in-flight requests after an interruption before giving up on them. */
  public static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);

  /** Event loops: one per available core, never more than the connections. */
  public static int eventLoops(int connections) {
    return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), connections));
  }
}
