package io.perftwin.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param feeders the test data of the requests' templates; names unique, and each column in one
 *     feeder only, so that every variable has exactly one source
 * @param protocol the HTTP protocol spoken to the target
 * @param agentIndex which share of the whole plan this process drives, in [0, agentCount)
 * @param agentCount how many agents share the plan (1: this process drives all of it). Every
 *     agent must use the same {@code eventLoops}: the schedule is cut into {@code eventLoops ×
 *     agentCount} interleaved shares, loop {@code l} of agent {@code a} taking share {@code l ×
 *     agentCount + a}, so the agents' arrivals together are exactly the plan's
 */
public record LoadPlan(
    URI target,
    int connections,
    int eventLoops,
    List<Phase> phases,
    List<RequestTemplate> requests,
    long seed,
    Duration requestTimeout,
    Duration maxScheduleLagP99,
    List<Feeder> feeders,
    Protocol protocol,
    int agentIndex,
    int agentCount) {

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
    Objects.requireNonNull(protocol, "protocol");
    feeders = List.copyOf(feeders);
    checkFeeders(feeders, requests);
    if (agentCount < 1 || agentIndex < 0 || agentIndex >= agentCount) {
      throw new IllegalArgumentException("agent " + agentIndex + " of " + agentCount + ": need 0 <= index < count");
    }
  }

  /** A plan driven by one process alone. */
  public LoadPlan(URI target, int connections, int eventLoops, List<Phase> phases, List<RequestTemplate> requests,
      long seed, Duration requestTimeout, Duration maxScheduleLagP99, List<Feeder> feeders, Protocol protocol) {
    this(target, connections, eventLoops, phases, requests, seed, requestTimeout, maxScheduleLagP99, feeders, protocol, 0, 1);
  }

  /** This plan as agent {@code index} of {@code count} (see {@link #agentCount()}), sending to {@code target}. */
  public LoadPlan asAgent(int index, int count, URI target) {
    return new LoadPlan(target, connections, eventLoops, phases, requests, seed, requestTimeout, maxScheduleLagP99,
        feeders, protocol, index, count);
  }

  /** The schedule share of event loop {@code loop} of this agent. */
  public int scheduleShare(int loop) {
    return loop * agentCount + agentIndex;
  }

  /** How many shares the whole schedule is cut into (all loops of all agents). */
  public int scheduleShares() {
    return eventLoops * agentCount;
  }

  /** A plan without feeders, over HTTP/1.1. */
  public LoadPlan(URI target, int connections, int eventLoops, List<Phase> phases, List<RequestTemplate> requests,
      long seed, Duration requestTimeout, Duration maxScheduleLagP99) {
    this(target, connections, eventLoops, phases, requests, seed, requestTimeout, maxScheduleLagP99, List.of(), Protocol.HTTP1);
  }

  private static void checkFeeders(List<Feeder> feeders, List<RequestTemplate> requests) {
    Map<String, Feeder> byName = new HashMap<>();
    Map<String, Feeder> byColumn = new LinkedHashMap<>();
    for (Feeder f : feeders) {
      if (byName.putIfAbsent(f.name(), f) != null) {
        throw new IllegalArgumentException("duplicate feeder name '" + f.name() + "'");
      }
      for (String c : f.columns()) {
        Feeder other = byColumn.putIfAbsent(c, f);
        if (other != null) {
          throw new IllegalArgumentException("column '" + c + "' is in feeders '" + other.name() + "' and '" + f.name()
              + "'; a variable must come from one feeder, rename one of the columns");
        }
      }
    }
    Set<String> variables = byColumn.keySet();
    for (RequestTemplate r : requests) {
      compile(r, "path", r.path(), variables);
      for (RequestTemplate.Header h : r.headers()) {
        compile(r, "header '" + h.name() + "'", h.value(), variables);
      }
      if (r.body() != null) {
        compile(r, "body", r.body(), variables);
      }
    }
  }

  private static void compile(RequestTemplate r, String where, String text, Set<String> variables) {
    try {
      Template.compile(text, variables);
    } catch (TemplateException e) {
      throw new IllegalArgumentException("request '" + r.name() + "': " + where + ": " + e.getMessage()
          + (variables.isEmpty() ? " (no feeder provides any)" : ""), e);
    }
  }

  /** The feeder that has a column named {@code variable}, or {@code null} if none has. */
  public Feeder feederOf(String variable) {
    for (Feeder f : feeders) {
      if (f.columnIndex(variable) >= 0) {
        return f;
      }
    }
    return null;
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
