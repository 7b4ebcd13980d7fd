package io.perftwin.loadgen;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of request in the mix. The {@code name} is the key under which its latency is
 * recorded and reported, and the tag of its histograms in {@code latency.hlog}; names are
 * restricted to letters, digits, {@code _} and {@code -} so that they can be used as tags and in
 * SLO expressions ({@code checkout.p99 < 200ms}) without quoting.
 *
 * @param name request name, e.g. {@code home}
 * @param weight relative share in the mix, {@code >= 1}
 * @param method HTTP method in upper case
 * @param path path and query, starting with {@code /}
 * @param headers extra request headers, in order
 * @param body request body, or {@code null} for none
 */
public record RequestTemplate(
    String name, int weight, String method, String path, List<Header> headers, String body) {

  /** The allowed shape of a request name. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Request names that would collide with the reserved parts of latency-log tags. */
  public static final List<String> RESERVED_NAMES = List.of("all", "warmup", "service", "errors", "generator");

  public RequestTemplate {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("request name '" + name + "' must match " + NAME.pattern());
    }
    if (RESERVED_NAMES.contains(name)) {
      throw new IllegalArgumentException("request name '" + name + "' is reserved");
    }
    if (weight < 1) {
      throw new IllegalArgumentException("request '" + name + "': weight must be >= 1, was " + weight);
    }
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("request '" + name + "': path must start with '/', was " + path);
    }
    headers = List.copyOf(headers);
  }

  /** One HTTP header. */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Headers as a map, last one wins; convenience for engines. */
  public Map<String, String> headerMap() {
    java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
    headers.forEach(h -> m.put(h.name(), h.value()));
    return m;
  }
}
