package io.perftwin.scenarios.parse;

import io.perftwin.loadgen.ClosedUsers;
import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.LoadShape;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.PoissonRate;
import io.perftwin.loadgen.RampRate;
import io.perftwin.loadgen.StepRate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds {@code load.phases:}. Each phase has exactly one load shape: an open model
 * ({@code constantRate}, {@code rampRate}, {@code steps}, {@code poissonRate}) or a closed one
 * ({@code users}, with an optional {@code thinkTime}).
 */
final class PhaseBinder {
  /** The keys that each give a phase its shape; a phase has exactly one. */
  static final List<String> SHAPE_KEYS = List.of("constantRate", "rampRate", "steps", "poissonRate", "users");
  static final List<String> PHASE_KEYS = List.of(
      "constantRate", "rampRate", "steps", "poissonRate", "users", "thinkTime", "duration", "warmup");
  static final List<String> RAMP_KEYS = List.of("from", "to");
  static final List<String> STEPS_KEYS = List.of("from", "to", "count");
  static final Pattern PHASE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  /** A phase with this name is a warm-up phase unless it says {@code warmup: false}. */
  static final String WARMUP = "warmup";
  static final String PHASE_EXAMPLE = "- steady: {constantRate: 500/s, duration: 30s}";
  private static final String RAMP_EXAMPLE = "rampRate: {from: 100/s, to: 1000/s}";
  private static final String STEPS_EXAMPLE = "steps: {from: 100/s, to: 1000/s, count: 5}";

  private final Values values;
  private final Problems problems;

  PhaseBinder(Values values) {
    this.values = values;
    this.problems = values.problems();
  }

  List<Phase> bind(YamlNode node, Mark anchor) {
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
      problems.add(e.key().mark(), "duplicate phase name " + Texts.quote(name) + " (first " + LoadBinder.where(seen.get(name)) + ")");
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
    String where = "in phase " + Texts.quote(name);
    MapReader r = new MapReader(problems, spec, e.key().mark(), where, PHASE_KEYS).reportUnknownKeys();
    LoadShape shape = shape(r, name, e.key().mark());
    YamlNode durationNode = r.required("duration");
    Duration duration = durationNode == null ? null : values.duration(durationNode, "duration", Quantities.Bound.POSITIVE);
    Boolean warmup = name.equals(WARMUP);
    if (r.optional("warmup") != null) {
      warmup = values.bool(r.optional("warmup"), "warmup");
    }
    if (shape instanceof StepRate steps && duration != null && duration.toNanos() < steps.steps()) {
      problems.add(r.keyMark("steps"), "phase " + Texts.quote(name) + " is " + duration.toNanos()
          + "ns long, too short for " + steps.steps() + " steps");
      ok = false;
    }
    if (!ok || shape == null || duration == null || warmup == null) {
      return null;
    }
    return new Phase(name, duration, shape, warmup);
  }

  /** The phase's one shape, or {@code null} after reporting why there is none. */
  private LoadShape shape(MapReader r, String phase, Mark phaseMark) {
    List<String> given = SHAPE_KEYS.stream().filter(r.map()::has).toList();
    YamlNode think = r.optional("thinkTime");
    if (given.isEmpty()) {
      if (SHAPE_KEYS.stream().noneMatch(r::misspelt)) { // a misspelt shape is reported with its suggestion
        problems.add(phaseMark, "missing load shape in phase " + Texts.quote(phase) + ": give one of "
            + String.join(", ", SHAPE_KEYS), List.of(), "e.g. '" + PHASE_EXAMPLE + "'");
      }
      return null;
    }
    if (given.size() > 1) {
      problems.add(r.keyMark(given.get(1)), "phase " + Texts.quote(phase) + " has more than one load shape: "
          + Texts.quotedList(given) + "; give exactly one");
      return null;
    }
    String key = given.get(0);
    YamlNode node = r.optional(key);
    if (think != null && !key.equals("users")) {
      problems.add(r.keyMark("thinkTime"), "'thinkTime' applies only to a phase with 'users' (a closed model); phase "
          + Texts.quote(phase) + " has " + Texts.quote(key), List.of(), "remove 'thinkTime', or use 'users: N' instead of "
          + Texts.quote(key));
      return null;
    }
    switch (key) {
      case "constantRate" -> {
        Double rate = values.rate(node, key);
        return rate == null ? null : new ConstantRate(rate);
      }
      case "poissonRate" -> {
        Double rate = values.rate(node, key);
        return rate == null ? null : new PoissonRate(rate);
      }
      case "rampRate" -> {
        return ramp(node, r.keyMark(key), phase);
      }
      case "steps" -> {
        return steps(node, r.keyMark(key), phase);
      }
      case "users" -> {
        Integer users = values.integer(node, "users", 1);
        Duration thinkTime = think == null ? Duration.ZERO
            : values.duration(think, "thinkTime", Quantities.Bound.NON_NEGATIVE);
        return users == null || thinkTime == null ? null : new ClosedUsers(users, thinkTime);
      }
      default -> throw new AssertionError(key);
    }
  }

  private RampRate ramp(YamlNode node, Mark keyMark, String phase) {
    YamlMap map = shapeMap(node, "rampRate", RAMP_EXAMPLE);
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, keyMark, "in 'rampRate' of phase " + Texts.quote(phase), RAMP_KEYS)
        .reportUnknownKeys();
    Double from = endRate(r, "from");
    Double to = endRate(r, "to");
    if (from == null || to == null) {
      return null;
    }
    if (from == 0 && to == 0) {
      problems.add(map.mark(), "'rampRate' must have a rate > 0 at one end at least, got 0/s at both");
      return null;
    }
    return new RampRate(from, to);
  }

  private StepRate steps(YamlNode node, Mark keyMark, String phase) {
    YamlMap map = shapeMap(node, "steps", STEPS_EXAMPLE);
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, keyMark, "in 'steps' of phase " + Texts.quote(phase), STEPS_KEYS)
        .reportUnknownKeys();
    Double from = endRate(r, "from");
    Double to = endRate(r, "to");
    YamlNode countNode = r.required("count");
    Integer count = countNode == null ? null : values.integer(countNode, "count", 2, StepRate.MAX_STEPS);
    if (from == null || to == null || count == null) {
      return null;
    }
    if (from == 0 && to == 0) {
      problems.add(map.mark(), "'steps' must have a rate > 0 at one end at least, got 0/s at both");
      return null;
    }
    return new StepRate(from, to, count);
  }

  /** {@code from} or {@code to} of a ramp or staircase: a rate {@code >= 0}. */
  private Double endRate(MapReader r, String key) {
    YamlNode node = r.required(key);
    return node == null ? null : values.rate(node, key, Quantities.Bound.NON_NEGATIVE);
  }

  private YamlMap shapeMap(YamlNode node, String key, String example) {
    if (node instanceof YamlMap m) {
      return m;
    }
    problems.add(node.mark(), Texts.quote(key) + " must be a map, got " + node.describe(), List.of(), "e.g. '" + example + "'");
    return null;
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
}
