package io.perftwin.infra;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the built-in demo service.
 *
 * @param workers requests served at once; others wait in a FIFO queue, so throughput tops out
 *     at {@code workers / serviceTime.mean()}
 * @param serviceTime how long a request holds a worker
 * @param pauseAfter if not null, the service stops answering this long after it started …
 * @param pauseFor … for this long (a stall, for coordinated-omission tests); requests that
 *     arrive during the pause are held until it ends
 */
public record DemoServiceConfig(int workers, ServiceTime serviceTime, Duration pauseAfter, Duration pauseFor) {

  /** Defaults: 8 workers, exponential service time with a 2 ms mean (4,000 req/s capacity). */
  public static final DemoServiceConfig DEFAULT =
      new DemoServiceConfig(8, new ServiceTime.Exponential(Duration.ofMillis(2)), null, null);

  public DemoServiceConfig {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    }
    Objects.requireNonNull(serviceTime, "serviceTime");
    if ((pauseAfter == null) != (pauseFor == null)) {
      throw new IllegalArgumentException("pauseAfter and pauseFor go together");
    }
  }

  /** Requests per second the service can serve at most. */
  public double capacityPerSecond() {
    long meanNanos = serviceTime.mean().toNanos();
    return meanNanos == 0 ? Double.POSITIVE_INFINITY : workers * 1e9 / meanNanos;
  }

  public DemoServiceConfig withWorkers(int w) {
    return new DemoServiceConfig(w, serviceTime, pauseAfter, pauseFor);
  }

  public DemoServiceConfig withServiceTime(ServiceTime s) {
    return new DemoServiceConfig(workers, s, pauseAfter, pauseFor);
  }

  public DemoServiceConfig withPause(Duration after, Duration length) {
    return new DemoServiceConfig(workers, serviceTime, after, length);
  }
}
