package io.perftwin.scenarios.parse;

import io.perftwin.loadgen.ResponseCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a request's {@code check:}: {@code status} (a code, a class such as {@code 2xx}, or a
 * list of them), {@code bodyContains} (a text) and {@code json} ({@code {pointer, equals}}).
 */
final class CheckBinder {
  static final List<String> KEYS = List.of("status", "bodyContains", "json");
  static final List<String> JSON_KEYS = List.of("pointer", "equals");
  private static final String STATUS_HELP = "a status code (100 to 599) or a class such as 2xx";

  private final Values values;
  private final Problems problems;

  CheckBinder(Values values) {
    this.values = values;
    this.problems = values.problems();
  }

  /** The checks, in the order status, bodyContains, json; {@code null} after reporting a problem. */
  List<ResponseCheck> bind(YamlNode node, Mark keyMark, String request) {
    YamlMap map = values.map(node, "check");
    if (map == null) {
      return null;
    }
    String where = "in 'check'" + (request != null ? " of request " + Texts.quote(request) : "");
    MapReader r = new MapReader(problems, map, keyMark, where, KEYS).reportUnknownKeys();
    if (map.size() == 0) {
      problems.add(keyMark, "'check' is empty; give one of " + String.join(", ", KEYS), List.of(),
          "e.g. 'check: {status: 200, bodyContains: ok}'");
      return null;
    }
    List<ResponseCheck> checks = new ArrayList<>();
    boolean ok = true;
    if (r.optional("status") != null) {
      ResponseCheck.StatusIn s = status(r.optional("status"), r.keyMark("status"));
      ok &= s != null;
      if (s != null) {
        checks.add(s);
      }
    }
    if (r.optional("bodyContains") != null) {
      String text = values.string(r.optional("bodyContains"), "bodyContains");
      if (text != null && text.isEmpty()) {
        problems.add(r.optional("bodyContains").mark(), "'bodyContains' must not be empty");
        text = null;
      }
      ok &= text != null;
      if (text != null) {
        checks.add(new ResponseCheck.BodyContains(text));
      }
    }
    if (r.optional("json") != null) {
      ResponseCheck.JsonFieldEquals j = json(r.optional("json"), r.keyMark("json"), where);
      ok &= j != null;
      if (j != null) {
        checks.add(j);
      }
    }
    return ok ? checks : null;
  }

  private ResponseCheck.StatusIn status(YamlNode node, Mark keyMark) {
    List<YamlNode> items = new ArrayList<>();
    if (node instanceof YamlList list) {
      if (list.size() == 0) {
        problems.add(keyMark, "'status' must have at least one status", List.of(), "e.g. 'status: [200, 201]'");
        return null;
      }
      items.addAll(list.items());
    } else {
      items.add(node);
    }
    List<String> specs = new ArrayList<>();
    for (YamlNode item : items) {
      String spec = values.parse(item, "status", STATUS_HELP, text -> {
        String t = text.strip();
        try {
          ResponseCheck.StatusIn.parse(t);
          return t;
        } catch (IllegalArgumentException e) {
          throw new ValueException("'status' must be " + STATUS_HELP + ", got " + Texts.quote(t));
        }
      });
      if (spec == null) {
        return null;
      }
      specs.add(spec);
    }
    return ResponseCheck.StatusIn.parse(specs.toArray(new String[0]));
  }

  private ResponseCheck.JsonFieldEquals json(YamlNode node, Mark keyMark, String where) {
    if (!(node instanceof YamlMap map)) {
      problems.add(node.mark(), "'json' must be a map, got " + node.describe(), List.of(),
          "e.g. 'json: {pointer: /ok, equals: \"true\"}'");
      return null;
    }
    MapReader r = new MapReader(problems, map, keyMark, "in 'json' " + where, JSON_KEYS).reportUnknownKeys();
    YamlNode pointerNode = r.required("pointer");
    String pointer = pointerNode == null ? null : values.parse(pointerNode, "pointer", "a JSON pointer", text -> {
      String p = text.strip();
      try {
        new ResponseCheck.JsonFieldEquals(p, "");
        return p;
      } catch (IllegalArgumentException e) {
        String hint = p.startsWith("/") ? null : "did you mean '/" + p + "'?";
        throw new ValueException("'pointer' must be a JSON pointer (RFC 6901): empty or starting with '/', e.g. /ok or "
            + "/items/0/id, got " + Texts.quote(p), List.of(), hint);
      }
    });
    YamlNode equalsNode = r.required("equals");
    String expected = equalsNode == null ? null : values.string(equalsNode, "equals");
    if (pointer == null || expected == null) {
      return null;
    }
    return new ResponseCheck.JsonFieldEquals(pointer, expected);
  }
}
