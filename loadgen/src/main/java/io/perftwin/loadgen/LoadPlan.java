package io.perftwin.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an engine needs to drive load: where, how hard, what. Immutable; built by the
 * scenario layer from a scenario file, with every default already resolved (see
 * {@link LoadDefaults}).
 *
 * @param target base URI of the target, {@code http://host:port}
 * @param connections total HTTP connections, split evenly over the event loops
 * @param eventLoops event loops (threads) driving load; each owns a share of the schedule,
 *     its own connections and its own recorders
 * @param phases phases in order
 * @param requests the weighted request mix
 * @param seed seed of every random choice (request mix, random arrivals)
 * @param requestTimeout a request with no complete response after this long counts as a
 *     {@link ErrorKind#TIMEOUT} error
 * @param maxScheduleLagP99 the run is invalid if the p99 of schedule lag (dispatch time minus
 *     intended time) in measured phases exceeds this
 */
public record LoadPlan(
    URI target,
    int connections,
    int eventLoops,
    List<Phase> phases,
    List<RequestTemplate> requests,
    long seed,
    Duration requestTimeout,
    Duration maxScheduleLagP99) {

  public LoadPlan {
    Objects.requireNonNull(target, "target");
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be >= 1, was " + connections);
    }
    if (eventLoops < 1 || eventLoops > connections) {
      throw new IllegalArgumentException(
          "eventLoops must be in [1, connections=" + connections + "], was " + eventLoops);
    }
    phases = List.copyOf(phases);
    requests = List.copyOf(requests);
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("a load plan needs at least one phase");
    }
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("a load plan needs at least one request");
    }
    Set<String> names = new HashSet<>();
    for (RequestTemplate r : requests) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("duplicate request name '" + r.name() + "'");
      }
    }
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(maxScheduleLagP99, "maxScheduleLagP99");
  }

  /** Total planned duration of all phases. */
  public Duration totalDuration() {
    return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** Total duration of the phases that count (not warm-up). */
  public Duration measuredDuration() {
    return phases.stream().filter(p -> !p.warmup()).map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
  }
}
