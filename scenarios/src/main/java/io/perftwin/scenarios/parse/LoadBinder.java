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
      "engine", "protocol", "connections", "timeout", "maxScheduleLag", "phases", "feeders", "requests",
      "simulation", "simulationSources");
  static final List<String> ENGINES = List.of("vertx", "gatling");
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
    if (r.optional("simulation") != null || r.optional("simulationSources") != null) {
      return simulation(r, engine, ok, connections, timeout, maxLag, protocol);
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

  /** {@code load:} naming a Gatling simulation: it brings its own injection profile and requests. */
  private LoadSpec simulation(MapReader r, String engine, boolean ok, Integer connections, Duration timeout, Duration maxLag,
      Protocol protocol) {
    requestNames = null; // the simulation's, known only when it runs
    if (engine != null && !engine.equals("gatling")) {
      problems.add(r.keyMark(r.optional("simulation") != null ? "simulation" : "simulationSources"),
          "'simulation' goes only with 'engine: gatling' (a Gatling Java-DSL simulation class)");
      return null;
    }
    for (String k : List.of("phases", "requests", "feeders")) {
      if (r.optional(k) != null) {
        problems.add(r.keyMark(k), "'" + k + "' does not go with 'simulation': the simulation defines its own "
            + "injection profile, requests and feeders");
        ok = false;
      }
    }
    YamlNode classNode = r.required("simulation");
    String simulation = classNode == null ? null : values.parse(classNode, "simulation", "a Java class name",
        text -> {
          String t = text.strip();
          if (!t.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new ValueException("'simulation' must be a fully qualified Java class name such as "
                + "com.example.CheckoutSimulation, got " + Texts.quote(t), List.of(), null);
          }
          return t;
        });
    java.nio.file.Path sources = null;
    if (r.optional("simulationSources") != null) {
      Values.WrittenPath w = values.path(r.optional("simulationSources"), "simulationSources", "a folder of .java sources",
          baseDir);
      ok &= w != null;
      if (w != null) {
        if (!java.nio.file.Files.isDirectory(w.file())) {
          problems.add(w.scalar().mark(), "'simulationSources' " + Texts.quote(w.written()) + " is not a folder ("
              + w.file() + ")");
          ok = false;
        }
        sources = w.file();
      }
    }
    if (!ok || simulation == null) {
      return null;
    }
    return new LoadSpec(engine, connections, List.of(), List.of(), timeout, maxLag, protocol, List.of(), java.util.Map.of(),
        simulation, sources);
  }

  /** {@code at line 12}, or {@code in --set …} for a node from an override. */
  static String where(Mark m) {
    return m.isOverride() ? "in " + m.override() : "at line " + m.line();
  }
}
