package io.perftwin.shaping.proxy;

import io.perftwin.shaping.proxy.internal.ApiServer;
import io.perftwin.shaping.proxy.internal.ProxyRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The userspace shaping proxy: TCP proxies with toxics, controlled from Java or through a
 * toxiproxy-compatible HTTP API. {@link #close()} stops the API, every proxy and every proxied
 * connection, and the Vert.x instance behind them unless it was the caller's ({@link #startOn}).
 *
 * <pre>{@code
 * try (ShapingProxy server = ShapingProxy.start(ProxyServerOptions.defaults().withApi("127.0.0.1", 0))) {
 *   ProxyInfo p = server.createProxy("demo", "127.0.0.1:0", "127.0.0.1:8080");
 *   server.addToxic("demo", ToxicSpec.of("latency", "downstream", Map.of("latency", 20, "jitter", 5)));
 *   // connect to 127.0.0.1:p.listenPort()
 * }
 * }</pre>
 *
 * <p>Control methods block until listeners are open or closed: call them from an ordinary
 * thread, not from a Vert.x event loop. Errors are {@link ProxyException}s with the HTTP status
 * the API would answer.
 */
public final class ShapingProxy implements AutoCloseable {
  private final Vertx vertx;
  /** Whether {@link #close()} closes {@link #vertx} (false when the caller's loops are shared). */
  private final boolean ownsVertx;
  private final ProxyRegistry registry;
  private final ApiServer api;
  private final int apiPort;
  private final String apiHost;
  private boolean closed;

  private ShapingProxy(Vertx vertx, boolean ownsVertx, ProxyRegistry registry, ApiServer api, String apiHost, int apiPort) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.registry = registry;
    this.api = api;
    this.apiHost = apiHost;
    this.apiPort = apiPort;
  }

  /** Starts Vert.x and the HTTP API; no proxy exists yet. */
  public static ShapingProxy start(ProxyServerOptions options) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)
        .setEventLoopPoolSize(options.eventLoops()));
    try {
      return start(vertx, true, options);
    } catch (RuntimeException e) {
      closeVertx(vertx);
      throw e;
    }
  }

  /**
   * Starts the API and the proxies on the caller's Vert.x instance, one listener per event loop
   * ({@code options.eventLoops()} should be its loop count). In the process that sends the load
   * this puts the proxy on the load engine's own threads: no extra thread competes for a core and
   * a request crosses no thread boundary in the proxy. {@link #close()} leaves {@code vertx} open.
   */
  public static ShapingProxy startOn(Vertx vertx, ProxyServerOptions options) {
    return start(vertx, false, options);
  }

  private static ShapingProxy start(Vertx vertx, boolean owns, ProxyServerOptions options) {
    ProxyRegistry registry = new ProxyRegistry(vertx, options.ticker(), options.seed(), options.eventLoops());
    ApiServer api = new ApiServer(vertx, registry);
    int port = api.start(options.apiHost(), options.apiPort());
    return new ShapingProxy(vertx, owns, registry, api, options.apiHost(), port);
  }

  /** The port the HTTP API listens on (the real one when 0 was asked for). */
  public int apiPort() {
    return apiPort;
  }

  public String apiHost() {
    return apiHost;
  }

  /** {@code http://host:port} of the API, for toxiproxy clients. */
  public String apiUrl() {
    return "http://" + apiHost + ":" + apiPort;
  }

  /** Creates and enables a proxy; {@code listen} port 0 picks a free port (see {@link ProxyInfo#listenPort()}). */
  public ProxyInfo createProxy(String name, String listen, String upstream) {
    return registry.create(name, listen, upstream, true);
  }

  public ProxyInfo proxy(String name) {
    return registry.get(name);
  }

  public List<ProxyInfo> proxies() {
    return registry.list();
  }

  /** Enables or disables a proxy (disabled: listener closed, its connections closed). */
  public ProxyInfo setEnabled(String name, boolean enabled) {
    return registry.update(name, null, null, enabled);
  }

  public void deleteProxy(String name) {
    registry.delete(name);
  }

  /** Adds a toxic to a proxy; it applies to live connections at once. */
  public ToxicSpec addToxic(String proxy, ToxicSpec toxic) {
    return registry.addToxic(proxy, toxic);
  }

  /** Changes a toxic's toxicity and/or attributes (merged into the current ones). */
  public ToxicSpec updateToxic(String proxy, String toxic, Double toxicity, Map<String, Object> attributes) {
    return registry.updateToxic(proxy, toxic, toxicity, null, attributes);
  }

  public void removeToxic(String proxy, String toxic) {
    registry.removeToxic(proxy, toxic);
  }

  /** Removes every toxic and enables every proxy, like toxiproxy's {@code POST /reset}. */
  public void reset() {
    registry.reset();
  }

  /** Stops the API, every proxy and connection, and Vert.x if it is the proxy's own. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      api.stop();
    } finally {
      try {
        registry.closeAll();
      } finally {
        if (ownsVertx) {
          closeVertx(vertx);
        }
      }
    }
  }

  private static void closeVertx(Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception ignored) {
      // best effort: the threads are daemons of a closed instance
    }
  }
}
