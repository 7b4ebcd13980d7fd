package io.perftwin.scenarios.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A map node; keys are strings, in file order. */
public final class YamlMap extends YamlNode {

  /** One key and its value; the key keeps its own position. */
  public record Entry(YamlScalar key, YamlNode value) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  public YamlMap(Mark mark) {
    super(mark);
  }

  public Entry entry(String key) {
    return entries.get(key);
  }

  /** The value under {@code key}, or {@code null} if the key is absent. */
  public YamlNode get(String key) {
    Entry e = entries.get(key);
    return e == null ? null : e.value();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  public int size() {
    return entries.size();
  }

  /** Adds or replaces a key; a replaced key keeps its position and its place in the order. */
  public void put(YamlScalar key, YamlNode value) {
    Entry old = entries.get(key.value());
    entries.put(key.value(), new Entry(old == null ? key : old.key(), value));
  }

  @Override
  public String describe() {
    return "a map";
  }
}
