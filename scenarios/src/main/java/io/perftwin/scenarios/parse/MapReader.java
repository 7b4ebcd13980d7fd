package io.perftwin.scenarios.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the keys of one map: finds unknown keys (with the allowed keys and a suggestion) and
 * missing required keys (reported at the map's anchor, normally the key that holds the map).
 */
final class MapReader {
  private final Problems problems;
  private final YamlMap map;
  private final Mark anchor;
  private final String where;
  private final List<String> allowed;
  private final Map<String, String> hints = new HashMap<>();

  /**
   * @param anchor where a missing key is reported
   * @param where how the map is named in messages: {@code in 'load'}, {@code at the top level}
   * @param allowed the keys the map may have, in the order to list them
   */
  MapReader(Problems problems, YamlMap map, Mark anchor, String where, List<String> allowed) {
    this.problems = problems;
    this.map = map;
    this.anchor = anchor;
    this.where = where;
    this.allowed = List.copyOf(allowed);
  }

  /** A hint shown for an unknown key when it is {@code key}, instead of the did-you-mean. */
  MapReader hint(String key, String hint) {
    hints.put(key, hint);
    return this;
  }

  /** Reports every key that is not allowed. */
  MapReader reportUnknownKeys() {
    for (YamlMap.Entry e : map.entries()) {
      String key = e.key().value();
      if (!allowed.contains(key)) {
        String hint = hints.getOrDefault(key, DidYouMean.hint(key, allowed));
        problems.add(e.key().mark(), "unknown key " + Texts.quote(key) + " " + where, allowed, hint);
      }
    }
    return this;
  }

  YamlMap map() {
    return map;
  }

  /** The value of {@code key}, or {@code null} if it is absent. */
  YamlNode optional(String key) {
    return map.get(key);
  }

  /**
   * The value of {@code key}, or {@code null} after reporting that it is missing — unless an
   * unknown key of the map is a misspelling of it, which is reported already, with the
   * suggestion.
   */
  YamlNode required(String key) {
    YamlNode v = map.get(key);
    if (v == null && !misspelt(key)) {
      problems.add(anchor, "missing required key " + Texts.quote(key) + " " + where);
    }
    return v;
  }

  /** Whether an unknown key of the map would be suggested to be {@code key}. */
  boolean misspelt(String key) {
    for (YamlMap.Entry e : map.entries()) {
      String k = e.key().value();
      if (!allowed.contains(k) && !hints.containsKey(k) && key.equals(DidYouMean.closest(k, allowed))) {
        return true;
      }
    }
    return false;
  }

  /** The position of {@code key} itself, or the anchor if the key is absent. */
  Mark keyMark(String key) {
    YamlMap.Entry e = map.entry(key);
    return e == null ? anchor : e.key().mark();
  }
}
