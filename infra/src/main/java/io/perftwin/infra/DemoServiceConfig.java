package io.perftwin.infra;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the built-in demo service.
 *
 * @param workers requests served at once; others wait in a FIFO queue, so throughput tops out
 *     at {@code workers / mean service time} (the mean over the request mix)
 * @param serviceTime how long a request holds a worker, for paths no endpoint matches and for
 *     endpoints without their own
 * @param pauseAfter if not null, the service stops answering this long after it started …
 * @param pauseFor … for this long (a stall, for coordinated-omission tests); requests that
 *     arrive during the pause are held until it ends
 * @param endpoints per-path behaviour (see {@link DemoEndpoint}); empty = every path alike
 */
public record DemoServiceConfig(int workers, ServiceTime serviceTime, Duration pauseAfter, Duration pauseFor,
    List<DemoEndpoint> endpoints) {

  /** Defaults: 8 workers, exponential service time with a 2 ms mean (4,000 req/s capacity), no endpoints. */
  public static final DemoServiceConfig DEFAULT =
      new DemoServiceConfig(8, new ServiceTime.Exponential(Duration.ofMillis(2)), null, null, List.of());

  public DemoServiceConfig {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    }
    Objects.requireNonNull(serviceTime, "serviceTime");
    if ((pauseAfter == null) != (pauseFor == null)) {
      throw new IllegalArgumentException("pauseAfter and pauseFor go together");
    }
    if (pauseAfter != null && pauseAfter.isNegative()) {
      throw new IllegalArgumentException("pauseAfter must be >= 0, was " + pauseAfter);
    }
    if (pauseFor != null && (pauseFor.isNegative() || pauseFor.isZero())) {
      throw new IllegalArgumentException("pauseFor must be > 0, was " + pauseFor);
    }
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    Set<String> paths = new HashSet<>();
    for (DemoEndpoint e : endpoints) {
      if (!paths.add(e.path())) {
        throw new IllegalArgumentException("endpoints: path " + e.path() + " is listed twice");
      }
    }
  }

  /** A configuration without endpoints (every path alike). */
  public DemoServiceConfig(int workers, ServiceTime serviceTime, Duration pauseAfter, Duration pauseFor) {
    this(workers, serviceTime, pauseAfter, pauseFor, List.of());
  }

  /**
   * Requests per second the service can serve at most when every request takes the default
   * service time. With endpoints it is {@code workers / } the mean service time of the mix
   * (plus downstream latency); see {@link #capacityPerSecond(ServiceTime)}.
   */
  public double capacityPerSecond() {
    return capacityPerSecond(serviceTime);
  }

  /** {@code workers / t.mean()}: the saturation throughput if every request took {@code t}. */
  public double capacityPerSecond(ServiceTime t) {
    long meanNanos = t.mean().toNanos();
    return meanNanos == 0 ? Double.POSITIVE_INFINITY : workers * 1e9 / meanNanos;
  }

  /**
   * The endpoint that handles a request path: an exact match, else the longest matching prefix,
   * else {@code null} (the default behaviour).
   */
  public DemoEndpoint endpointFor(String requestPath) {
    DemoEndpoint best = null;
    for (DemoEndpoint e : endpoints) {
      if (!e.matches(requestPath)) {
        continue;
      }
      if (!e.isPrefix()) {
        return e;
      }
      if (best == null || e.path().length() > best.path().length()) {
        best = e;
      }
    }
    return best;
  }

  /** The service time of requests to {@code requestPath}. */
  public ServiceTime serviceTimeFor(String requestPath) {
    DemoEndpoint e = endpointFor(requestPath);
    return e == null || e.serviceTime() == null ? serviceTime : e.serviceTime();
  }

  public DemoServiceConfig withWorkers(int w) {
    return new DemoServiceConfig(w, serviceTime, pauseAfter, pauseFor, endpoints);
  }

  public DemoServiceConfig withServiceTime(ServiceTime s) {
    return new DemoServiceConfig(workers, s, pauseAfter, pauseFor, endpoints);
  }

  public DemoServiceConfig withPause(Duration after, Duration length) {
    return new DemoServiceConfig(workers, serviceTime, after, length, endpoints);
  }

  /**
   * This configuration with every {@link DemoEndpoint#STUB} downstream replaced by {@code stubUrl}
   * (e.g. {@code http://10.0.0.3:9090/}), the address of the running {@link StubService}.
   */
  public DemoServiceConfig withStub(URI stubUrl) {
    Objects.requireNonNull(stubUrl, "stubUrl");
    List<DemoEndpoint> resolved = new ArrayList<>(endpoints.size());
    for (DemoEndpoint e : endpoints) {
      resolved.add(e.downstreamIsStub() ? e.withDownstream(stubUrl) : e);
    }
    return withEndpoints(resolved);
  }

  /** Whether an endpoint still has the {@link DemoEndpoint#STUB} placeholder as its downstream. */
  public boolean needsStub() {
    return endpoints.stream().anyMatch(DemoEndpoint::downstreamIsStub);
  }

  public DemoServiceConfig withEndpoints(List<DemoEndpoint> list) {
    return new DemoServiceConfig(workers, serviceTime, pauseAfter, pauseFor, list);
  }
}
