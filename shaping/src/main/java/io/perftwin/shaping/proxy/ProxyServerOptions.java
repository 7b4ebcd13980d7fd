package io.perftwin.shaping.proxy;

import java.util.Objects;

/**
 * How to run the shaping proxy server. Defaults (the constants below) match toxiproxy: the API
 * listens on 127.0.0.1:8474.
 *
 * @param apiHost address the HTTP API binds to
 * @param apiPort HTTP API port, 0 for any free port (see {@link ShapingProxy#apiPort()})
 * @param seed seed of every random choice (delay samples, toxicity rolls, slice sizes); the same
 *     seed and the same connection order give the same samples
 * @param eventLoops Vert.x event loops; each proxy opens one listener per loop on the same port
 *     (SO_REUSEPORT when more than one) and a connection stays on the loop that accepted it
 * @param ticker time source of the delay logic
 */
public record ProxyServerOptions(String apiHost, int apiPort, long seed, int eventLoops, Ticker ticker) {
  public static final String DEFAULT_API_HOST = "127.0.0.1";
  public static final int DEFAULT_API_PORT = 8474;
  public static final long DEFAULT_SEED = 1L;
  public static final int DEFAULT_EVENT_LOOPS = 1;

  public ProxyServerOptions {
    Objects.requireNonNull(apiHost, "apiHost");
    Objects.requireNonNull(ticker, "ticker");
    if (apiHost.isBlank()) {
      throw new IllegalArgumentException("apiHost must not be blank");
    }
    if (apiPort < 0 || apiPort > 65535) {
      throw new IllegalArgumentException("apiPort must be between 0 and 65535, was " + apiPort);
    }
    if (eventLoops < 1) {
      throw new IllegalArgumentException("eventLoops must be >= 1, was " + eventLoops);
    }
  }

  /** 127.0.0.1:8474, seed 1, one event loop, the system ticker. */
  public static ProxyServerOptions defaults() {
    return new ProxyServerOptions(DEFAULT_API_HOST, DEFAULT_API_PORT, DEFAULT_SEED, DEFAULT_EVENT_LOOPS, Ticker.SYSTEM);
  }

  public ProxyServerOptions withApi(String host, int port) {
    return new ProxyServerOptions(host, port, seed, eventLoops, ticker);
  }

  public ProxyServerOptions withSeed(long s) {
    return new ProxyServerOptions(apiHost, apiPort, s, eventLoops, ticker);
  }

  public ProxyServerOptions withEventLoops(int n) {
    return new ProxyServerOptions(apiHost, apiPort, seed, n, ticker);
  }

  public ProxyServerOptions withTicker(Ticker t) {
    return new ProxyServerOptions(apiHost, apiPort, seed, eventLoops, t);
  }
}
