package io.perftwin.infra.terraform.cdktf;

import java.util.Map;
import java.util.TreeMap;

/** Small builders of provider blocks. */
final class Maps {
  private Maps() {}

  static Map<String, Object> metadata(String name, String namespace, Map<String, String> labels) {
    Map<String, Object> m = new TreeMap<>();
    m.put("name", name);
    if (namespace != null) {
      m.put("namespace", namespace);
    }
    if (labels != null && !labels.isEmpty()) {
      m.put("labels", new TreeMap<>(labels));
    }
    return m;
  }

  /** A block from key/value pairs, {@code of("a", 1, "b", 2)}, keys sorted; null values are left out. */
  static Map<String, Object> of(Object... keyValues) {
    Map<String, Object> m = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        m.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return m;
  }
}
