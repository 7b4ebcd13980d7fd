package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP/1.1 connection handling at the edges, for every way a connection moves bytes: sockets on
 * the engine's own epoll loops (the default on Linux), sockets registered with shared Vert.x
 * epoll loops ({@link LoadEngines#vertxOn}), and Netty channels
 * ({@code perftwin.loadgen.channels=true}). The server is a plain blocking socket server, so
 * that it can misbehave in ways an HTTP server library would not.
 */
class Http1ConnectionsTest {
  private static final String CHANNELS = "perftwin.loadgen.channels";

  @ParameterizedTest(name = "{0} loops")
  @ValueSource(strings = {"own", "shared", "channels"})
  void refusedConnectionsFailEveryRequestAsConnectRefused(String loops) throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    MeasuredRun run = run(loops, port, 4, 100, "GET", null);
    assertEquals(Map.of(ErrorKind.CONNECT_REFUSED, 100L), run.all().errorsByKind());
  }

  @ParameterizedTest(name = "{0} loops")
  @ValueSource(strings = {"own", "shared", "channels"})
  void aConnectThatNeverCompletesTimesOut(String loops) throws IOException {
    // A listener whose accept queue is full and never drained: Linux drops further SYNs, so a
    // connect neither succeeds nor is refused.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          Socket s = new Socket();
          try {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 300);
          } catch (java.net.SocketTimeoutException e) {
            s.close();
            break; // the queue is full
          }
          fillers.add(s);
        }
        MeasuredRun run = run(loops, full.getLocalPort(), 2, 20, "GET", null, Duration.ofMillis(500));
        assertEquals(20, run.all().errors(), "every request failed: " + run.all().errorsByKind());
        assertTrue(run.all().errorsByKind().getOrDefault(ErrorKind.CONNECT_TIMEOUT, 0L) > 0,
            "some failed as connect timeouts: " + run.all().errorsByKind());
        assertTrue(java.util.Set.of(ErrorKind.CONNECT_TIMEOUT, ErrorKind.TIMEOUT).containsAll(run.all().errorsByKind().keySet()),
            "only timeouts: " + run.all().errorsByKind());
      } finally {
        for (Socket s : fillers) {
          s.close();
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} loops")
  @ValueSource(strings = {"own", "shared", "channels"})
  void connectionCloseResponsesSucceedOnFreshConnections(String loops) throws IOException {
    String response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    try (RawServer server = RawServer.answeringOnce(response)) {
      runAllSucceeding(loops, server, 4, 100, "GET", null);
      assertEquals(100, server.connections.get(), "one connection per request");
    }
  }

  @ParameterizedTest(name = "{0} loops")
  @ValueSource(strings = {"own", "shared", "channels"})
  void aBodyWithoutLengthEndsWhenTheServerCloses(String loops) throws IOException {
    try (RawServer server = RawServer.answeringOnce("HTTP/1.1 200 OK\r\n\r\nuntil the end")) {
      runAllSucceeding(loops, server, 2, 50, "GET", null);
    }
  }

  @ParameterizedTest(name = "{0} loops")
  @ValueSource(strings = {"own", "shared", "channels"})
  void aResetInTheMiddleOfAResponseIsAReset(String loops) throws IOException {
    try (RawServer server = RawServer.answeringOnce("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part")) {
      server.reset = true; // the connection closes with SO_LINGER 0: an RST, not a FIN
      MeasuredRun run = run(loops, server.port(), 2, 50, "GET", null);
      assertEquals(Map.of(ErrorKind.RESET, 50L), run.all().errorsByKind());
    }
  }

  @ParameterizedTest(name = "{0} loops")
  @ValueSource(strings = {"own", "shared", "channels"})
  void requestsLargerThanTheSocketBufferAreSentWhole(String loops) throws IOException {
    // 8 MiB: larger than the largest send buffer Linux gives a socket by default (4 MiB), so
    // the kernel takes each request in parts and the rest waits for the socket to drain.
    String body = "x".repeat(8 << 20);
    try (RawServer server = new RawServer((in, out) -> {
      long length = readRequest(in);
      long got = in.readNBytes((int) length).length;
      String status = got == body.length() ? "200 OK" : "400 Bad Request";
      out.write(ascii("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n"));
      return true;
    })) {
      runAllSucceeding(loops, server, 2, 10, "POST", body);
    }
  }

  @ParameterizedTest(name = "{0} loops")
  @ValueSource(strings = {"own", "shared", "channels"})
  void responsesLargerThanTheReceiveBufferAreReadWhole(String loops) throws IOException {
    byte[] body = new byte[1 << 20];
    try (RawServer server = new RawServer((in, out) -> {
      readRequest(in);
      out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n"));
      out.write(body);
      return true;
    })) {
      runAllSucceeding(loops, server, 2, 20, "GET", null);
      assertTrue(server.connections.get() <= 2, "kept alive: " + server.connections.get() + " connections");
    }
  }

  /** Runs against {@code server} and asserts that every request completed without error. */
  private static void runAllSucceeding(String loops, RawServer server, int connections, int requests, String method,
      String body) {
    MeasuredRun run = run(loops, server.port(), connections, requests, method, body);
    assertEquals(requests, run.all().count());
    assertEquals(Map.of(), run.all().errorsByKind());
  }

  private static MeasuredRun run(String loops, int port, int connections, int requests, String method, String body) {
    return run(loops, port, connections, requests, method, body, Duration.ofSeconds(5));
  }

  private static MeasuredRun run(String loops, int port, int connections, int requests, String method, String body,
      Duration timeout) {
    LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:" + port + "/"), connections, 1,
        List.of(new Phase("steady", Duration.ofSeconds(1), new ConstantRate(requests), false)),
        List.of(new RequestTemplate("r", 1, method, "/", List.of(), body)), 7, timeout, Duration.ofSeconds(1));
    String before = System.getProperty(CHANNELS);
    System.setProperty(CHANNELS, String.valueOf(loops.equals("channels")));
    Vertx shared = loops.equals("shared") ? LoadEngines.eventLoops(1) : null;
    try {
      LoadEngine engine = shared != null ? LoadEngines.vertxOn(shared) : LoadEngines.vertx();
      return engine.run(plan, RunObserver.NONE, LatencyLogWriter.discarding(), new RunControl());
    } finally {
      if (shared != null) {
        shared.close().toCompletionStage().toCompletableFuture().join();
      }
      if (before == null) {
        System.clearProperty(CHANNELS);
      } else {
        System.setProperty(CHANNELS, before);
      }
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads one request head; returns its Content-Length (0 without one). */
  private static long readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed");
      }
      head.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
    }
    for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring(15).trim());
      }
    }
    return 0;
  }

  /** Serves one exchange at a time per connection; the handler returns whether to keep the connection. */
  interface Exchange {
    boolean serve(InputStream in, OutputStream out) throws IOException;
  }

  /** A thread-per-connection server on loopback. */
  static final class RawServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new ArrayList<>();
    final AtomicLong connections = new AtomicLong();
    volatile boolean reset;

    RawServer(Exchange exchange) throws IOException {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      Thread acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          Socket s;
          try {
            s = socket.accept();
          } catch (IOException e) {
            return;
          }
          connections.incrementAndGet();
          synchronized (accepted) {
            accepted.add(s);
          }
          Thread t = new Thread(() -> serve(s, exchange), "raw-server-connection");
          t.setDaemon(true);
          t.start();
        }
      }, "raw-server-accept");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void serve(Socket s, Exchange exchange) {
      try (s) {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        boolean keep;
        do {
          keep = exchange.serve(in, out);
          out.flush();
        } while (keep);
        if (reset) {
          s.setSoLinger(true, 0);
        }
      } catch (IOException e) {
        // the client went away
      }
    }

    /** Answers each connection's first request with {@code response}, then closes it. */
    static RawServer answeringOnce(String response) throws IOException {
      return new RawServer((in, out) -> {
        readRequest(in);
        out.write(ascii(response));
        return false;
      });
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      synchronized (accepted) {
        for (Socket s : accepted) {
          s.close();
        }
      }
    }
  }
}
