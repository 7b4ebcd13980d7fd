package io.perftwin.scenarios.parse;

import io.perftwin.loadgen.Feeder;
import io.perftwin.loadgen.LoadDefaults;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.Protocol;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.scenarios.LoadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code load:}: engine, protocol, connections, timeouts; the phases are
 * {@link PhaseBinder}'s, the feeders {@link FeederBinder}'s, the requests {@link RequestBinder}'s.
 */
final class LoadBinder {
  static final List<String> KEYS = List.of(
      "engine", "protocol", "connections", "timeout", "maxScheduleLag", "phases", "feeders", "requests");
  static final List<String> ENGINES = List.of("vertx");
  /** Protocol names in scenario files; the first is the default. */
  static final List<String> PROTOCOLS = Arrays.stream(Protocol.values()).map(Protocol::key).toList();
  /** A phase with this name is a warm-up phase unless it says {@code warmup: false}. */
  static final String WARMUP = PhaseBinder.WARMUP;

  private final Values values;
  private final Problems problems;
  private final Path baseDir;
  private List<String> requestNames;

  /** @param baseDir the folder of the scenario file, for feeders' CSV paths */
  LoadBinder(Values values, Path baseDir) {
    this.values = values;
    this.problems = values.problems();
    this.baseDir = baseDir;
  }

  /** The names of the requests, or {@code null} if they could not all be read (SLO scopes are then not checked). */
  List<String> requestNames() {
    return requestNames;
  }

  LoadSpec bind(YamlNode node, Mark anchor) {
    YamlMap map = values.map(node, "load");
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, anchor, "in 'load'", KEYS).reportUnknownKeys();
    boolean ok = true;

    String engine = "vertx";
    if (r.optional("engine") != null) {
      engine = values.oneOf(r.optional("engine"), "engine", "engine", ENGINES);
      ok &= engine != null;
    }
    Protocol protocol = Protocol.HTTP1;
    if (r.optional("protocol") != null) {
      String p = values.oneOf(r.optional("protocol"), "protocol", "protocol", PROTOCOLS);
      ok &= p != null;
      protocol = p == null ? protocol : Protocol.values()[PROTOCOLS.indexOf(p)];
    }
    Integer connections = LoadDefaults.CONNECTIONS;
    if (r.optional("connections") != null) {
      connections = values.integer(r.optional("connections"), "connections", 1);
      ok &= connections != null;
    }
    Duration timeout = LoadDefaults.REQUEST_TIMEOUT;
    if (r.optional("timeout") != null) {
      timeout = values.duration(r.optional("timeout"), "timeout", Quantities.Bound.POSITIVE);
      ok &= timeout != null;
    }
    Duration maxLag = LoadDefaults.MAX_SCHEDULE_LAG_P99;
    if (r.optional("maxScheduleLag") != null) {
      maxLag = values.duration(r.optional("maxScheduleLag"), "maxScheduleLag", Quantities.Bound.POSITIVE);
      ok &= maxLag != null;
    }
    YamlNode phasesNode = r.required("phases");
    List<Phase> phases = phasesNode == null ? null : new PhaseBinder(values).bind(phasesNode, r.keyMark("phases"));

    FeederBinder feederBinder = new FeederBinder(values, baseDir);
    List<Feeder> feeders = List.of();
    if (r.optional("feeders") != null) {
      feeders = feederBinder.bind(r.optional("feeders"));
    }
    Set<String> variables = feederBinder.variables(feeders);

    YamlNode requestsNode = r.required("requests");
    RequestBinder requestBinder = new RequestBinder(values, variables);
    List<RequestTemplate> requests = requestsNode == null ? null : requestBinder.bind(requestsNode, r.keyMark("requests"));
    requestNames = requestBinder.names();
    if (!ok || phases == null || feeders == null || requests == null) {
      return null;
    }
    return new LoadSpec(engine, connections, phases, requests, timeout, maxLag, protocol, feeders, feederBinder.files());
  }

  /** {@code at line 12}, or {@code in --set …} for a node from an override. */
  static String where(Mark m) {
    return m.isOverride() ? "in " + m.override() : "at line " + m.line();
  }
}
