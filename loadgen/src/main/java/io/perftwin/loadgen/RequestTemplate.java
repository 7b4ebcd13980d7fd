package io.perftwin.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One kind of request in the mix. The {@code name} is the key under which its latency is
 * recorded and reported, and the tag of its histograms in {@code latency.hlog}; names are
 * restricted to letters, digits, {@code _} and {@code -} so that they can be used as tags and in
 * SLO expressions ({@code checkout.p99 < 200ms}) without quoting.
 *
 * <p>The path, the header values and the body are {@link Template templates}: they may contain
 * {@code ${variable}} placeholders, filled from the plan's {@link Feeder feeders} for each request
 * ({@code $$} is a literal {@code $}). The constructor checks their syntax; {@link LoadPlan} checks
 * that a feeder provides every variable.
 *
 * @param name request name, e.g. {@code home}
 * @param weight relative share in the mix, {@code >= 1}
 * @param method HTTP method in upper case
 * @param path path and query, starting with {@code /}; may contain placeholders
 * @param headers extra request headers, in order; values may contain placeholders
 * @param body request body, or {@code null} for none; may contain placeholders
 * @param checks conditions on the response; empty means the status must be 2xx or 3xx (see
 *     {@link #effectiveChecks()})
 * @param timeout request timeout, {@code > 0}, or {@code null} for the plan's
 *     ({@link LoadPlan#requestTimeout()})
 */
public record RequestTemplate(
    String name,
    int weight,
    String method,
    String path,
    List<Header> headers,
    String body,
    List<ResponseCheck> checks,
    Duration timeout) {

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
    checks = List.copyOf(checks);
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("request '" + name + "': timeout must be > 0, was " + timeout);
    }
    syntax(name, "path", path);
    for (Header h : headers) {
      syntax(name, "header '" + h.name() + "'", h.value());
    }
    if (body != null) {
      syntax(name, "body", body);
    }
  }

  /** A request without checks (the status must be 2xx or 3xx) and with the plan's timeout. */
  public RequestTemplate(String name, int weight, String method, String path, List<Header> headers, String body) {
    this(name, weight, method, path, headers, body, List.of(), null);
  }

  private static void syntax(String request, String where, String text) {
    try {
      Template.parse(text);
    } catch (TemplateException e) {
      throw new IllegalArgumentException("request '" + request + "': " + where + ": " + e.getMessage(), e);
    }
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
    LinkedHashMap<String, String> m = new LinkedHashMap<>();
    headers.forEach(h -> m.put(h.name(), h.value()));
    return m;
  }

  /**
   * The variables the path, header values and body use, each once, in that order of first use.
   * Empty for a request without placeholders.
   */
  public Set<String> variables() {
    Set<String> vars = new LinkedHashSet<>(Template.parse(path).variables());
    headers.forEach(h -> vars.addAll(Template.parse(h.value()).variables()));
    if (body != null) {
      vars.addAll(Template.parse(body).variables());
    }
    return vars;
  }

  /**
   * The checks an engine applies: {@link #checks()}, preceded by
   * {@link ResponseCheck#DEFAULT_STATUS} (2xx or 3xx) unless one of them is a status check. In
   * that order, so the first failing check is the status one when the status is wrong.
   */
  public List<ResponseCheck> effectiveChecks() {
    if (checks.stream().anyMatch(c -> c instanceof ResponseCheck.StatusIn)) {
      List<ResponseCheck> ordered = new ArrayList<>();
      checks.stream().filter(c -> c instanceof ResponseCheck.StatusIn).forEach(ordered::add);
      checks.stream().filter(c -> !(c instanceof ResponseCheck.StatusIn)).forEach(ordered::add);
      return List.copyOf(ordered);
    }
    List<ResponseCheck> all = new ArrayList<>();
    all.add(ResponseCheck.DEFAULT_STATUS);
    all.addAll(checks);
    return List.copyOf(all);
  }

  /** This request's timeout, or {@code planTimeout} when it has none of its own. */
  public Duration timeoutOr(Duration planTimeout) {
    return timeout != null ? timeout : planTimeout;
  }
}
