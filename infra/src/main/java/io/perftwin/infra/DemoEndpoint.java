package io.perftwin.infra;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the demo service treats the requests to one path.
 *
 * <p>A {@code path} is exact ({@code /checkout}) or, ending in {@code *}, a prefix ({@code /api/*}
 * matches {@code /api/} and everything under it; {@code /*} matches every path). An exact path
 * wins over a prefix, a longer prefix over a shorter one; paths no endpoint matches get the
 * service's default service time, with no errors and no downstream call. {@code /health} and
 * {@code /metrics} are the service's own and cannot be endpoints.
 *
 * @param path exact path, or a prefix ending in {@code *}
 * @param serviceTime time the request holds a worker; {@code null} = the service's default
 * @param errors error injection, or {@code null} for none
 * @param downstream an HTTP URL called (GET) from inside the worker slot before the service time
 *     starts, its latency adding to the time the worker is held; {@code null} for none. If the
 *     call fails or answers other than 2xx the request answers {@code 502}. {@link #STUB} stands
 *     for "the stub dependency" until {@link DemoServiceConfig#withStub(URI)} gives its address.
 */
public record DemoEndpoint(String path, ServiceTime serviceTime, Errors errors, URI downstream) {

  /** How long a downstream call may take before the request answers 502. */
  public static final Duration DOWNSTREAM_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Placeholder downstream meaning "the stub dependency of this environment", whose address is
   * known only once it runs; {@link DemoServiceConfig#withStub(URI)} replaces it.
   */
  public static final URI STUB = URI.create("stub:dependency");

  public DemoEndpoint {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/', e.g. /checkout or /api/*, was "
          + (path == null ? "null" : "'" + path + "'"));
    }
    int star = path.indexOf('*');
    if (star >= 0 && star != path.length() - 1) {
      throw new IllegalArgumentException("path may contain '*' only at its end (a prefix), was '" + path + "'");
    }
    if (path.contains("?") || path.contains("#")) {
      throw new IllegalArgumentException("path must not contain a query or fragment, was '" + path + "'");
    }
    if (path.equals("/health") || path.equals("/metrics")) {
      throw new IllegalArgumentException("path " + path + " is reserved by the demo service");
    }
    if (downstream != null && !downstream.equals(STUB)) {
      String scheme = downstream.getScheme() == null ? "" : downstream.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") || downstream.getHost() == null) {
        throw new IllegalArgumentException("downstream must be an http://host:port/path URL, was '" + downstream + "'");
      }
    }
  }

  /** An endpoint with its own service time only. */
  public static DemoEndpoint of(String path, ServiceTime serviceTime) {
    return new DemoEndpoint(path, Objects.requireNonNull(serviceTime, "serviceTime"), null, null);
  }

  public DemoEndpoint withErrors(int status, double rate) {
    return new DemoEndpoint(path, serviceTime, new Errors(status, rate), downstream);
  }

  public DemoEndpoint withDownstream(URI url) {
    return new DemoEndpoint(path, serviceTime, errors, url);
  }

  /** Whether the downstream is the unresolved {@link #STUB} placeholder. */
  public boolean downstreamIsStub() {
    return STUB.equals(downstream);
  }

  /** Whether the path is a prefix ({@code /api/*}). */
  public boolean isPrefix() {
    return path.endsWith("*");
  }

  /** Whether this endpoint's pattern matches a request path (exact, or prefix). */
  public boolean matches(String requestPath) {
    return isPrefix() ? requestPath.startsWith(path.substring(0, path.length() - 1)) : requestPath.equals(path);
  }

  /**
   * Error injection: each request answers {@code status} with probability {@code rate}, after it
   * has held its worker for the full service time (an error costs as much as a success).
   *
   * @param status an HTTP error status, 400–599
   * @param rate probability per request, 0–1 ({@code 0.01} = 1%)
   */
  public record Errors(int status, double rate) {
    public Errors {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("errors.status must be an HTTP error status 400-599, was " + status);
      }
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("errors.rate must be between 0 and 1 (0.01 = 1%), was " + rate);
      }
    }
  }
}
