package io.perftwin.scenarios.parse;

import io.perftwin.scenarios.EnvironmentSpec;
import java.util.List;
import java.util.Locale;

/** Binds {@code environment:} to an {@link EnvironmentSpec}; absent means {@link EnvironmentSpec#DEFAULT}. */
final class EnvironmentBinder {
  static final List<String> KEYS = List.of("kind", "loadgens");
  static final List<String> KINDS = List.of("auto", "namespaces", "loopback");

  private final Values values;

  EnvironmentBinder(Values values) {
    this.values = values;
  }

  EnvironmentSpec bind(YamlNode node, Mark anchor) {
    YamlMap map = values.map(node, "environment");
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(values.problems(), map, anchor, "in 'environment'", KEYS).reportUnknownKeys();
    EnvironmentSpec.Kind kind = EnvironmentSpec.Kind.AUTO;
    boolean ok = true;
    if (r.optional("kind") != null) {
      String k = values.oneOf(r.optional("kind"), "kind", "an environment kind", KINDS);
      ok &= k != null;
      if (k != null) {
        kind = EnvironmentSpec.Kind.valueOf(k.toUpperCase(Locale.ROOT));
      }
    }
    int loadgens = 1;
    if (r.optional("loadgens") != null) {
      Integer n = values.integer(r.optional("loadgens"), "loadgens", 1, EnvironmentSpec.MAX_LOADGENS);
      ok &= n != null;
      if (n != null) {
        loadgens = n;
      }
    }
    return ok ? new EnvironmentSpec(kind, loadgens) : null;
  }
}
