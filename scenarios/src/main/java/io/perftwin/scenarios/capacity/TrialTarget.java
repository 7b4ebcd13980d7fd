package io.perftwin.scenarios.capacity;

import io.perftwin.infra.DemoService;
import io.perftwin.scenarios.Target;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target of a study's trials on loopback: {@code replicas} demo services in this process on
 * 127.0.0.1 behind a {@link RoundRobinBalancer} (one replica is addressed directly), or the
 * scenario's own URL. Closing it stops everything it started.
 */
final class TrialTarget implements AutoCloseable {
  private final List<DemoService> demos;
  private final RoundRobinBalancer balancer;
  private final URI uri;
  private final Map<String, Object> description = new LinkedHashMap<>();

  private TrialTarget(List<DemoService> demos, RoundRobinBalancer balancer, URI uri) {
    this.demos = demos;
    this.balancer = balancer;
    this.uri = uri;
  }

  static TrialTarget start(Target target, int replicas, long seed) {
    if (!target.isDemo()) {
      if (replicas != 1) {
        throw new IllegalArgumentException("replicas need the built-in demo service");
      }
      TrialTarget t = new TrialTarget(List.of(), null, target.url());
      t.description.put("kind", "url");
      t.description.put("target", target.url().toString());
      return t;
    }
    List<DemoService> demos = new ArrayList<>();
    RoundRobinBalancer balancer = null;
    try {
      for (int i = 0; i < replicas; i++) {
        demos.add(DemoService.start(target.demo(), "127.0.0.1", 0, seed + i));
      }
      URI uri;
      if (replicas == 1) {
        uri = URI.create("http://127.0.0.1:" + demos.get(0).port());
      } else {
        balancer = RoundRobinBalancer.start(demos.stream().map(DemoService::port).toList());
        uri = URI.create("http://127.0.0.1:" + balancer.port());
      }
      TrialTarget t = new TrialTarget(demos, balancer, uri);
      t.description.put("kind", "loopback");
      t.description.put("replicas", replicas);
      t.description.put("demo", demos.get(0).describe());
      t.description.put("balancer", replicas == 1 ? "none (one replica, addressed directly)"
          : "round-robin TCP balancer on " + uri + " (connections spread over the replicas)");
      t.description.put("note", "generator, balancer and replicas share this host's loopback and CPUs; no network namespaces");
      return t;
    } catch (RuntimeException e) {
      if (balancer != null) {
        balancer.close();
      }
      demos.forEach(DemoService::close);
      throw e;
    }
  }

  URI uri() {
    return uri;
  }

  Map<String, Object> describe() {
    return description;
  }

  /**
   * Waits (up to {@code limit}) until the demo services' queues are empty, so that the backlog of
   * an overloaded trial does not spill into the next one. Returns whether they drained.
   */
  boolean awaitIdle(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (demos.stream().anyMatch(d -> d.queueLength() > 0)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Override
  public void close() {
    try {
      if (balancer != null) {
        balancer.close();
      }
    } finally {
      demos.forEach(DemoService::close);
    }
  }
}
