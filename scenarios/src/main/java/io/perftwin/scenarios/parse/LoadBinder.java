package io.perftwin.scenarios.parse;

import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.LoadDefaults;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.scenarios.LoadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Binds {@code load:}: engine, connections, timeouts and the phases; requests are {@link RequestBinder}'s. */
final class LoadBinder {
  static final List<String> KEYS = List.of("engine", "connections", "timeout", "maxScheduleLag", "phases", "requests");
  static final List<String> ENGINES = List.of("vertx");
  static final List<String> PHASE_KEYS = List.of("constantRate", "duration", "warmup");
  static final Pattern PHASE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  /** A phase with this name is a warm-up phase unless it says {@code warmup: false}. */
  static final String WARMUP = "warmup";
  private static final String PHASE_EXAMPLE = "- steady: {constantRate: 500/s, duration: 30s}";

  private final Values values;
  private final Problems problems;
  private List<String> requestNames;

  LoadBinder(Values values) {
    this.values = values;
    this.problems = values.problems();
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
    List<Phase> phases = phasesNode == null ? null : phases(phasesNode, r.keyMark("phases"));
    YamlNode requestsNode = r.required("requests");
    RequestBinder requestBinder = new RequestBinder(values);
    List<RequestTemplate> requests = requestsNode == null ? null : requestBinder.bind(requestsNode, r.keyMark("requests"));
    requestNames = requestBinder.names();
    if (!ok || phases == null || requests == null) {
      return null;
    }
    return new LoadSpec(engine, connections, phases, requests, timeout, maxLag);
  }

  private List<Phase> phases(YamlNode node, Mark anchor) {
    YamlList list = values.list(node, "phases");
    if (list == null) {
      return null;
    }
    if (list.size() == 0) {
      problems.add(anchor, "'phases' must have at least one phase", List.of(), "e.g. '" + PHASE_EXAMPLE + "'");
      return null;
    }
    List<Phase> phases = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      Phase p = phase(list.get(i), "load.phases." + i, seen);
      ok &= p != null;
      if (p != null) {
        phases.add(p);
      }
    }
    if (!ok) {
      return null;
    }
    if (phases.stream().allMatch(Phase::warmup)) {
      problems.add(anchor, "every phase is a warm-up phase, so nothing would be measured", List.of(),
          "add a phase that is not named 'warmup', or give one 'warmup: false'");
      return null;
    }
    return phases;
  }

  private Phase phase(YamlNode item, String path, Map<String, Mark> seen) {
    YamlMap.Entry e = onlyEntry(item, path);
    if (e == null) {
      return null;
    }
    String name = e.key().value();
    boolean ok = true;
    if (!PHASE_NAME.matcher(name).matches()) {
      problems.add(e.key().mark(), "phase name must be 1 to 64 letters, digits, '_' or '-', got " + Texts.quote(name));
      ok = false;
    } else if (seen.containsKey(name)) {
      problems.add(e.key().mark(), "duplicate phase name " + Texts.quote(name) + " (first " + where(seen.get(name)) + ")");
      ok = false;
    } else {
      seen.put(name, e.key().mark());
    }
    YamlMap spec;
    if (e.value() instanceof YamlMap m) {
      spec = m;
    } else if (e.value() instanceof YamlScalar s && s.isNull()) {
      spec = new YamlMap(e.value().mark());
    } else {
      problems.add(e.value().mark(), "phase " + Texts.quote(name) + " must be a map of settings ("
          + String.join(", ", PHASE_KEYS) + "), got " + e.value().describe(), List.of(), "e.g. '" + PHASE_EXAMPLE + "'");
      return null;
    }
    MapReader r = new MapReader(problems, spec, e.key().mark(), "in phase " + Texts.quote(name), PHASE_KEYS)
        .reportUnknownKeys();
    YamlNode rateNode = r.required("constantRate");
    Double rate = rateNode == null ? null : values.rate(rateNode, "constantRate");
    YamlNode durationNode = r.required("duration");
    Duration duration = durationNode == null ? null : values.duration(durationNode, "duration", Quantities.Bound.POSITIVE);
    Boolean warmup = name.equals(WARMUP);
    if (r.optional("warmup") != null) {
      warmup = values.bool(r.optional("warmup"), "warmup");
    }
    if (!ok || rate == null || duration == null || warmup == null) {
      return null;
    }
    return new Phase(name, duration, new ConstantRate(rate), warmup);
  }

  /** The one entry of a phase item ({@code steady: {...}}), or {@code null} after reporting its shape. */
  private YamlMap.Entry onlyEntry(YamlNode item, String path) {
    String got;
    Mark at = item.mark();
    if (item instanceof YamlMap m && m.size() == 1) {
      return m.entries().get(0);
    } else if (item instanceof YamlMap m && m.size() > 1) {
      got = m.size() + " keys: " + Texts.quotedList(m.entries().stream().map(e -> e.key().value()).toList());
      at = m.entries().get(1).key().mark();
    } else if (item instanceof YamlMap) {
      got = "an empty map";
    } else {
      got = item.describe();
    }
    problems.add(at, Texts.quote(path) + " must be a one-key map '<phase name>: {settings}', got " + got,
        List.of(), "e.g. '" + PHASE_EXAMPLE + "'");
    return null;
  }

  /** {@code at line 12}, or {@code in --set …} for a node from an override. */
  static String where(Mark m) {
    return m.isOverride() ? "in " + m.override() : "at line " + m.line();
  }
}
