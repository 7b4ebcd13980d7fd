package io.perftwin.shaping.proxy;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the shaping proxy server until the process is stopped (SIGINT/SIGTERM close it cleanly).
 * The {@code twin proxy} command calls {@link #run}; this class's {@code main} is the same for
 * use without the CLI.
 *
 * <pre>
 * --host H          API address (default 127.0.0.1)
 * --port P          API port (default 8474, 0 = any free port)
 * --seed S          seed of delay sampling and toxicity rolls (default 1)
 * --event-loops N   Vert.x event loops (default 1)
 * --proxy NAME=LISTEN=UPSTREAM   create a proxy at start (repeatable),
 *                                e.g. --proxy demo=127.0.0.1:9090=127.0.0.1:8080
 * </pre>
 */
public final class ProxyMain {
  private ProxyMain() {}

  public static void main(String[] args) throws InterruptedException {
    ProxyServerOptions options = ProxyServerOptions.defaults();
    List<String[]> proxies = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (arg) {
          case "--host" -> options = options.withApi(require(arg, value), options.apiPort());
          case "--port" -> options = options.withApi(options.apiHost(), Integer.parseInt(require(arg, value)));
          case "--seed" -> options = options.withSeed(Long.parseLong(require(arg, value)));
          case "--event-loops" -> options = options.withEventLoops(Integer.parseInt(require(arg, value)));
          case "--proxy" -> {
            String[] parts = require(arg, value).split("=");
            if (parts.length != 3) {
              throw new IllegalArgumentException("--proxy must be NAME=LISTEN=UPSTREAM, was '" + value + "'");
            }
            proxies.add(parts);
          }
          default -> throw new IllegalArgumentException("unknown option " + arg
              + "; allowed: --host, --port, --seed, --event-loops, --proxy");
        }
        i++;
      }
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    int status = run(options, proxies, System.out);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Starts the server and the given proxies ({@code {name, listen, upstream}}), prints where the
   * API listens, and blocks until the JVM shuts down. Returns 2 when the server cannot start.
   */
  public static int run(ProxyServerOptions options, List<String[]> proxies, PrintStream out)
      throws InterruptedException {
    ShapingProxy server;
    try {
      server = ShapingProxy.start(options);
    } catch (ProxyException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "perftwin-proxy-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      for (String[] p : proxies) {
        ProxyInfo info = server.createProxy(p[0], p[1], p[2]);
        out.println("proxy " + info.name() + ": " + info.listen() + " -> " + info.upstream());
      }
    } catch (ProxyException e) {
      System.err.println("error: " + e.getMessage());
      server.close();
      return 2;
    }
    out.println("shaping proxy API on " + server.apiUrl() + " (toxiproxy-compatible)");
    out.flush();
    stopped.await();
    return 0;
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
