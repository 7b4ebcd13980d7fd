package io.perftwin.scenarios.parse;

import io.perftwin.reports.Slo;
import io.perftwin.scenarios.LoadSpec;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.Target;
import io.perftwin.scenarios.EnvironmentSpec;
import io.perftwin.shaping.NetworkProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds the tree of a whole scenario file to a {@link Scenario}. Hand-written: each section has
 * its binder, which reports every problem it finds and returns {@code null} for what it could not
 * bind; a scenario is built only when no problem was found.
 */
public final class ScenarioBinder {
  /** The top-level keys, in the order the reference documents them. */
  public static final List<String> KEYS = List.of("name", "description", "seed", "target", "network", "load", "slo", "sloFiles", "environment");
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final Values values;
  private final Problems problems;

  private ScenarioBinder(Problems problems) {
    this.values = new Values(problems);
    this.problems = problems;
  }

  /**
   * The scenario, or {@code null} when {@code problems} is not empty afterwards.
   *
   * @param root the tree of the file, overrides applied
   */
  public static Scenario bind(YamlNode root, Path file, String sha256, Problems problems) {
    return new ScenarioBinder(problems).scenario(root, file, sha256);
  }

  private Scenario scenario(YamlNode root, Path file, String sha256) {
    if (!(root instanceof YamlMap map)) {
      problems.add(root.mark(), "the top level must be a map with the keys " + String.join(", ", KEYS)
          + ", got " + root.describe());
      return null;
    }
    MapReader r = new MapReader(problems, map, map.mark(), "at the top level", KEYS).reportUnknownKeys();

    YamlNode nameNode = r.required("name");
    String name = nameNode == null ? null : values.parse(nameNode, "name", "a name", ScenarioBinder::name);
    String description = r.optional("description") == null ? null : values.string(r.optional("description"), "description");
    Long seed = r.optional("seed") == null ? null : values.longInteger(r.optional("seed"), "seed");

    YamlNode targetNode = r.required("target");
    Target target = targetNode == null ? null : new TargetBinder(values).bind(targetNode, r.keyMark("target"));

    NetworkProfile network = NetworkProfile.NONE;
    if (r.optional("network") != null) {
      network = new NetworkBinder(values).bind(r.optional("network"), r.keyMark("network"));
    }

    EnvironmentSpec environment = EnvironmentSpec.DEFAULT;
    if (r.optional("environment") != null) {
      environment = new EnvironmentBinder(values).bind(r.optional("environment"), r.keyMark("environment"));
    }

    if (environment != null && target != null && !target.isDemo() && environment.kind() == EnvironmentSpec.Kind.NAMESPACES) {
      problems.add(r.keyMark("environment"), "environment.kind: 'namespaces' needs a target perftwin runs "
          + "(target.service: demo); a url target is reached from this host: use kind 'auto' or 'loopback'");
    }

    YamlNode loadNode = r.required("load");
    LoadBinder loadBinder = new LoadBinder(values, file.getParent());
    LoadSpec load = loadNode == null ? null : loadBinder.bind(loadNode, r.keyMark("load"));

    List<Slo> slos = List.of();
    if (r.optional("slo") != null) {
      slos = slos(r.optional("slo"), loadNode == null ? null : loadBinder.requestNames());
    }

    List<String> sloFiles = List.of();
    if (r.optional("sloFiles") != null) {
      List<Slo> fromFiles = new OpenSloBinder(values, file.getParent(), loadNode == null ? null : loadBinder.requestNames())
          .bind(r.optional("sloFiles"));
      sloFiles = OpenSloBinder.paths(r.optional("sloFiles"));
      if (fromFiles == null || slos == null) {
        slos = null;
      } else {
        List<Slo> all = new ArrayList<>(slos);
        all.addAll(fromFiles);
        slos = all;
      }
    }

    if (!problems.isEmpty() || name == null || target == null || network == null || load == null || slos == null
        || environment == null) {
      return null;
    }
    Map<String, Object> resolved = new java.util.LinkedHashMap<>(
        ResolvedSettings.of(name, description, seed, target, network, load, slos, sloFiles));
    if (r.optional("environment") != null) {
      resolved.put("environment", Map.of("kind", environment.kind().key(), "loadgens", environment.loadgens()));
    }
    return new Scenario(name, file, sha256, target, network, load, slos, seed, resolved, environment);
  }

  private static String name(String text) throws ValueException {
    if (NAME.matcher(text).matches()) {
      return text;
    }
    String fixed = text.strip().replaceAll("[^A-Za-z0-9_.-]+", "-");
    String hint = NAME.matcher(fixed).matches() ? "did you mean '" + fixed + "'?" : null;
    throw new ValueException("'name' must be 1 to 64 letters, digits, '_', '.' or '-', got " + Texts.quote(text),
        List.of(), hint);
  }

  private List<Slo> slos(YamlNode node, List<String> requestNames) {
    YamlList list = values.list(node, "slo");
    if (list == null) {
      return null;
    }
    List<Slo> slos = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      Slo s = values.parse(list.get(i), "slo." + i, "an objective such as 'p99 < 50ms'",
          text -> SloParser.parse(text, requestNames));
      ok &= s != null;
      if (s != null) {
        slos.add(s);
      }
    }
    return ok ? slos : null;
  }
}
