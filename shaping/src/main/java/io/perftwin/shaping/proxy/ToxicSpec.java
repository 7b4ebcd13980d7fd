package io.perftwin.shaping.proxy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One toxic, with toxiproxy's fields and meaning: {@code type} says what it does, {@code stream}
 * which direction it acts on ({@code upstream}: client → server, {@code downstream}: server →
 * client), {@code toxicity} the probability (0–1) that a connection is affected, rolled once per
 * connection, and {@code attributes} its knobs. Every attribute of the type is present after
 * construction (a missing one takes its default, 0 unless noted).
 *
 * <table>
 *   <caption>Types and attributes</caption>
 *   <tr><th>type</th><th>attributes</th></tr>
 *   <tr><td>latency</td><td>latency (ms), jitter (ms), distribution (uniform|normal|pareto|paretonormal,
 *       default uniform, netem's tables), correlation (0–1, netem's correlated random)</td></tr>
 *   <tr><td>bandwidth</td><td>rate (KB/s, 1 KB = 1000 bytes; 0 = no limit)</td></tr>
 *   <tr><td>slow_close</td><td>delay (ms) between the source closing and the sink being closed</td></tr>
 *   <tr><td>timeout</td><td>timeout (ms): data is dropped and the connection closed after it; 0 = forever</td></tr>
 *   <tr><td>reset_peer</td><td>timeout (ms) after which both ends are reset (TCP RST)</td></tr>
 *   <tr><td>slicer</td><td>average_size, size_variation (bytes), delay (µs between slices)</td></tr>
 *   <tr><td>limit_data</td><td>bytes: after this many bytes on the stream, both ends are reset</td></tr>
 * </table>
 *
 * <p>Bad input throws {@link ProxyException} with status 400 naming the field.
 *
 * @param name unique within its proxy; defaults to {@code type_stream}
 */
public record ToxicSpec(String name, String type, String stream, double toxicity, Map<String, Object> attributes) {
  /** Toxic types and their attributes, each with its default. */
  public static final Map<String, Map<String, Object>> TYPES = types();
  /** Latency distributions (netem's names). */
  public static final List<String> DISTRIBUTIONS = List.of("uniform", "normal", "pareto", "paretonormal");
  public static final List<String> STREAMS = List.of("upstream", "downstream");

  public ToxicSpec {
    if (type == null || type.isBlank()) {
      throw bad("type is required; allowed: " + String.join(", ", TYPES.keySet()));
    }
    Map<String, Object> allowed = TYPES.get(type);
    if (allowed == null) {
      throw bad("type: unknown toxic type '" + type + "'; allowed: " + String.join(", ", TYPES.keySet()));
    }
    if (stream == null || stream.isBlank()) {
      stream = "downstream";
    }
    if (!STREAMS.contains(stream)) {
      throw bad("stream must be upstream or downstream, was '" + stream + "'");
    }
    if (name == null || name.isBlank()) {
      name = type + "_" + stream;
    }
    if (!(toxicity >= 0 && toxicity <= 1)) {
      throw bad("toxicity must be between 0 and 1, was " + toxicity);
    }
    Map<String, Object> given = attributes == null ? Map.of() : attributes;
    for (String key : given.keySet()) {
      if (!allowed.containsKey(key)) {
        throw bad("attributes." + key + " is not an attribute of " + type + "; allowed: " + String.join(", ", allowed.keySet()));
      }
    }
    Map<String, Object> all = new LinkedHashMap<>();
    for (Map.Entry<String, Object> a : allowed.entrySet()) {
      Object value = given.containsKey(a.getKey()) ? given.get(a.getKey()) : a.getValue();
      all.put(a.getKey(), check(type, a.getKey(), value));
    }
    attributes = Collections.unmodifiableMap(all);
  }

  /** A toxic with toxicity 1 and the default name. */
  public static ToxicSpec of(String type, String stream, Map<String, Object> attributes) {
    return new ToxicSpec(null, type, stream, 1.0, attributes);
  }

  /** A numeric attribute as a long (every numeric attribute but correlation is whole). */
  public long longAttribute(String key) {
    return ((Number) Objects.requireNonNull(attributes.get(key), key)).longValue();
  }

  public double doubleAttribute(String key) {
    return ((Number) Objects.requireNonNull(attributes.get(key), key)).doubleValue();
  }

  public String stringAttribute(String key) {
    return (String) Objects.requireNonNull(attributes.get(key), key);
  }

  /** A copy with some fields replaced (null keeps the current value); attributes are merged. */
  public ToxicSpec merge(Double newToxicity, String newStream, Map<String, Object> newAttributes) {
    Map<String, Object> merged = new LinkedHashMap<>(attributes);
    if (newAttributes != null) {
      merged.putAll(newAttributes);
    }
    return new ToxicSpec(name, type, newStream == null ? stream : newStream,
        newToxicity == null ? toxicity : newToxicity, merged);
  }

  private static Object check(String type, String key, Object value) {
    String field = "attributes." + key;
    if (key.equals("distribution")) {
      if (!(value instanceof String s) || !DISTRIBUTIONS.contains(s.toLowerCase(Locale.ROOT))) {
        throw bad(field + " must be one of " + String.join(", ", DISTRIBUTIONS) + ", was " + describe(value));
      }
      return s.toLowerCase(Locale.ROOT);
    }
    if (!(value instanceof Number n)) {
      throw bad(field + " must be a number, was " + describe(value));
    }
    double d = n.doubleValue();
    if (key.equals("correlation")) {
      if (!(d >= 0 && d <= 1)) {
        throw bad(field + " must be between 0 and 1, was " + n);
      }
      return d;
    }
    if (!(d >= 0) || Double.isInfinite(d)) {
      throw bad(field + " must be >= 0, was " + n);
    }
    if (d != Math.rint(d)) {
      throw bad(field + " must be a whole number, was " + n);
    }
    if (type.equals("slicer") && key.equals("average_size") && d == 0) {
      throw bad(field + " must be > 0, was " + n);
    }
    return (long) d;
  }

  private static String describe(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  private static ProxyException bad(String message) {
    return new ProxyException(400, message);
  }

  private static Map<String, Map<String, Object>> types() {
    Map<String, Map<String, Object>> t = new LinkedHashMap<>();
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("latency", 0L);
    latency.put("jitter", 0L);
    latency.put("distribution", "uniform");
    latency.put("correlation", 0.0);
    t.put("latency", Collections.unmodifiableMap(latency));
    t.put("bandwidth", Map.of("rate", 0L));
    t.put("slow_close", Map.of("delay", 0L));
    t.put("timeout", Map.of("timeout", 0L));
    t.put("reset_peer", Map.of("timeout", 0L));
    Map<String, Object> slicer = new LinkedHashMap<>();
    slicer.put("average_size", 1L);
    slicer.put("size_variation", 0L);
    slicer.put("delay", 0L);
    t.put("slicer", Collections.unmodifiableMap(slicer));
    t.put("limit_data", Map.of("bytes", 0L));
    return Collections.unmodifiableMap(t);
  }
}
