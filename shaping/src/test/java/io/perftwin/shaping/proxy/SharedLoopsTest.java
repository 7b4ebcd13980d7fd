package io.perftwin.shaping.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link ShapingProxy#startOn}: the proxy on the caller's event loops, which it leaves open. */
class SharedLoopsTest {
  @Test
  void proxiesOnTheCallersLoopsAndLeavesThemOpen() throws Exception {
    Vertx loops = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
    try (TestServers.Server echo = TestServers.echo()) {
      int port;
      try (ShapingProxy proxy = ShapingProxy.startOn(loops, ProxyServerOptions.defaults().withApi("127.0.0.1", 0).withEventLoops(1))) {
        port = proxy.createProxy("p", "127.0.0.1:0", echo.address()).listenPort();
        proxy.addToxic("p", ToxicSpec.of("latency", "downstream", java.util.Map.of("latency", 30)));
        try (Socket s = TestServers.connect(port)) {
          byte[] message = "through the caller's loop".getBytes(StandardCharsets.US_ASCII);
          long nanos = TestServers.roundTrip(s, message);
          assertTrue(nanos >= TimeUnit.MILLISECONDS.toNanos(30), "the toxic applies: " + nanos / 1e6 + " ms");
        }
      }
      // Closed: its listener is gone...
      assertThrows(IOException.class, () -> {
        try (Socket s = TestServers.connect(port)) {
          s.getOutputStream().write(1);
          s.getInputStream().read();
        }
      });
      // ...and the caller's Vert.x still runs: a timer fires, a second proxy starts on it.
      long fired = loops.timer(1, TimeUnit.MILLISECONDS).map(v -> 1L).toCompletionStage().toCompletableFuture()
          .get(5, TimeUnit.SECONDS);
      assertEquals(1L, fired);
      try (ShapingProxy again = ShapingProxy.startOn(loops, ProxyServerOptions.defaults().withApi("127.0.0.1", 0).withEventLoops(1));
          Socket s = TestServers.connect(again.createProxy("q", "127.0.0.1:0", echo.address()).listenPort())) {
        byte[] message = "again".getBytes(StandardCharsets.US_ASCII);
        s.getOutputStream().write(message);
        assertArrayEquals(message, TestServers.readFully(s.getInputStream(), message.length));
      }
    } finally {
      loops.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
