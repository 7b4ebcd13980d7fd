package io.perftwin.scenarios.parse;

import io.perftwin.scenarios.Overrides;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Applies command-line overrides to the tree, before binding. Every node an override puts in the
 * tree carries the override as its {@link Mark}, so a bad value is reported against the override
 * ({@code --set network.delay=-5ms: 'delay' must be >= 0, got '-5ms'}).
 *
 * <ul>
 *   <li>{@code --set path=value}: {@code path} is dot-separated; on a map a segment is a key
 *       (created, with any missing maps on the way, if absent), on a list it is an index that must
 *       exist. {@code value} is one YAML scalar: its text is taken as it is, except that a value in
 *       matching quotes is unquoted; {@code ~}, {@code null} and an empty value are YAML null.
 *   <li>{@code --rate R}: the {@code constantRate} or {@code poissonRate} of every phase that is
 *       not a warm-up phase (by the rule of the file: named {@code warmup} and not
 *       {@code warmup: false}, or {@code warmup: true}); ramp, steps and users phases keep theirs.
 *   <li>{@code --duration D}: the {@code duration} of every phase that is not a warm-up phase.
 *   <li>Both are applied after all {@code --set}s.
 * </ul>
 */
public final class OverrideApplier {
  private final Problems problems;

  private OverrideApplier(Problems problems) {
    this.problems = problems;
  }

  public static void apply(YamlMap root, Overrides overrides, Problems problems) {
    OverrideApplier a = new OverrideApplier(problems);
    for (String set : overrides.sets()) {
      a.set(root, set);
    }
    if (overrides.rate() != null) {
      a.measuredPhases(root, OverrideApplier::rateKey, overrides.rate(), "--rate " + overrides.rate());
    }
    if (overrides.duration() != null) {
      a.measuredPhases(root, spec -> "duration", overrides.duration(), "--duration " + overrides.duration());
    }
  }

  /** How each override is named in problems, in command-line order. */
  public static List<String> origins(Overrides overrides) {
    List<String> origins = new ArrayList<>();
    overrides.sets().forEach(s -> origins.add("--set " + s));
    if (overrides.rate() != null) {
      origins.add("--rate " + overrides.rate());
    }
    if (overrides.duration() != null) {
      origins.add("--duration " + overrides.duration());
    }
    return origins;
  }

  /** Reports {@code --set} arguments that have no {@code path=value} shape; usable without a tree. */
  public static void checkSyntax(Overrides overrides, Problems problems) {
    for (String set : overrides.sets()) {
      syntaxError(set, problems);
    }
  }

  private static boolean syntaxError(String set, Problems problems) {
    Mark origin = Mark.override("--set " + set);
    int eq = set.indexOf('=');
    if (eq < 0) {
      problems.add(origin, "--set needs path=value, e.g. --set network.delay=20ms");
      return true;
    }
    String path = set.substring(0, eq).strip();
    if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
      problems.add(origin, "--set path " + Texts.quote(path) + " must be keys and list indexes separated by single dots, "
          + "e.g. load.phases.1.steady.constantRate");
      return true;
    }
    return false;
  }

  private void set(YamlMap root, String set) {
    if (syntaxError(set, problems)) {
      return;
    }
    Mark origin = Mark.override("--set " + set);
    int eq = set.indexOf('=');
    String[] segments = set.substring(0, eq).strip().split("\\.");
    YamlScalar value = scalar(set.substring(eq + 1), origin);

    YamlNode current = root;
    StringBuilder walked = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean last = i == segments.length - 1;
      String here = walked.isEmpty() ? "the top level" : Texts.quote(walked.toString());
      if (current instanceof YamlMap map) {
        YamlScalar key = new YamlScalar(origin, segment, false, YamlScalar.Style.OTHER);
        if (last) {
          map.put(key, value);
          return;
        }
        YamlNode next = map.get(segment);
        if (next == null || (next instanceof YamlScalar s && s.isNull())) {
          next = new YamlMap(origin);
          map.put(key, next);
        }
        current = next;
      } else if (current instanceof YamlList list) {
        Integer index = index(segment);
        if (index == null || index >= list.size()) {
          String range = list.size() == 0 ? "it is empty" : "it has " + list.size() + " item" + (list.size() == 1 ? "" : "s")
              + " (0.." + (list.size() - 1) + ")";
          problems.add(origin, (index == null ? Texts.quote(segment) + " is not a list index" : "index " + index + " is out of range")
              + ": " + here + " is a list and " + range);
          return;
        }
        if (last) {
          list.set(index, value);
          return;
        }
        current = list.get(index);
      } else {
        problems.add(origin, "cannot set " + Texts.quote(String.join(".", segments)) + ": " + here + " is "
            + current.describe() + ", not a map or list");
        return;
      }
      walked.append(walked.isEmpty() ? "" : ".").append(segment);
    }
  }

  private static Integer index(String segment) {
    if (!segment.matches("[0-9]{1,9}")) {
      return null;
    }
    return Integer.parseInt(segment);
  }

  /** A scalar with the override's text; YAML decides only null-ness, and unquotes a quoted value. */
  static YamlScalar scalar(String text, Mark origin) {
    String t = text.strip();
    if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"') && t.charAt(t.length() - 1) == t.charAt(0)) {
      try {
        Node n = new Yaml(new LoaderOptions()).compose(new StringReader(t));
        if (n instanceof ScalarNode s) {
          return new YamlScalar(origin, s.getValue(), false, YamlScalar.Style.OTHER);
        }
      } catch (YAMLException e) {
        // not one quoted scalar after all: take the text as it is
      }
      return new YamlScalar(origin, t, false, YamlScalar.Style.OTHER);
    }
    boolean isNull = Tag.NULL.equals(new Resolver().resolve(NodeId.scalar, t, true));
    return new YamlScalar(origin, t, isNull, YamlScalar.Style.OTHER);
  }

  /**
   * The key {@code --rate} sets in a phase: {@code poissonRate} in a Poisson phase,
   * {@code constantRate} in a constant one (or one without any shape yet), none in a ramp, steps
   * or users phase, whose load is not one rate.
   */
  private static String rateKey(YamlMap spec) {
    if (spec.has("poissonRate")) {
      return "poissonRate";
    }
    if (spec.has("rampRate") || spec.has("steps") || spec.has("users")) {
      return null;
    }
    return "constantRate";
  }

  /**
   * Sets a key in every phase that is not a warm-up phase.
   *
   * @param keyOf the key to set in a phase's settings, or {@code null} to leave that phase alone
   */
  private void measuredPhases(YamlMap root, Function<YamlMap, String> keyOf, String text, String option) {
    Mark origin = Mark.override(option);
    if (!(root.get("load") instanceof YamlMap load) || !(load.get("phases") instanceof YamlList phases)) {
      return; // the binder reports the missing or malformed phases
    }
    int measured = 0;
    int applied = 0;
    for (YamlNode item : phases.items()) {
      if (!(item instanceof YamlMap phase) || phase.size() != 1) {
        continue; // reported by the binder
      }
      YamlMap.Entry e = phase.entries().get(0);
      YamlMap spec;
      if (e.value() instanceof YamlMap m) {
        spec = m;
      } else if (e.value() instanceof YamlScalar s && s.isNull()) {
        spec = new YamlMap(e.key().mark());
        phase.put(e.key(), spec);
      } else {
        continue;
      }
      if (isWarmup(e.key().value(), spec)) {
        continue;
      }
      measured++;
      String key = keyOf.apply(spec);
      if (key != null) {
        spec.put(new YamlScalar(origin, key, false, YamlScalar.Style.OTHER), scalar(text, origin));
        applied++;
      }
    }
    String name = option.split(" ")[0];
    if (measured == 0 && phases.size() > 0) {
      problems.add(origin, name + " applies to the phases that are not warm-up phases, and there are none");
    } else if (applied == 0 && measured > 0) {
      problems.add(origin, name + " applies to the constantRate and poissonRate phases that are not warm-up phases,"
          + " and there are none; set a rampRate, steps or users phase with --set");
    }
  }

  private static boolean isWarmup(String name, YamlMap spec) {
    if (spec.get("warmup") instanceof YamlScalar s && !s.isNull()) {
      String v = s.value().strip().toLowerCase(Locale.ROOT);
      if (v.equals("true")) {
        return true;
      }
      if (v.equals("false")) {
        return false;
      }
    }
    return name.equals(LoadBinder.WARMUP);
  }
}
