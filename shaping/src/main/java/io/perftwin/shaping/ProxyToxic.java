package io.perftwin.shaping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One toxic for the shaping proxy, in toxiproxy's vocabulary (type names, attribute names and
 * units: milliseconds, KB/s, microseconds for the slicer delay).
 *
 * @param name unique within a plan, e.g. {@code latency_up}
 * @param type {@code latency}, {@code bandwidth}, {@code slow_close}, {@code timeout}, {@code reset_peer}, {@code limit_data}, {@code slicer}
 * @param stream {@code upstream} (load generator → target, "up") or {@code downstream} ("down")
 * @param toxicity probability, 0–1, that a connection gets this toxic
 * @param attributes the toxic's attributes
 */
public record ProxyToxic(String name, String type, String stream, double toxicity, Map<String, Object> attributes) {
  public ProxyToxic {
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The toxiproxy stream for a direction. */
  public static String stream(Direction d) {
    return d == Direction.UP ? "upstream" : "downstream";
  }

  /** toxiproxy's JSON for {@code POST /proxies/{proxy}/toxics}. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("type", type);
    m.put("stream", stream);
    m.put("toxicity", toxicity);
    m.put("attributes", attributes);
    return m;
  }
}
