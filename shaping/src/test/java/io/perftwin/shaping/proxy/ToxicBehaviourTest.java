package io.perftwin.shaping.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each toxic's effect, seen by a real client through a real proxy on loopback. */
class ToxicBehaviourTest {
  private ShapingProxy server;

  @BeforeEach
  void start() {
    server = ShapingProxy.start(ProxyServerOptions.defaults().withApi("127.0.0.1", 0));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void bandwidthLimitsTheTransferRateWithinTenPercent() throws Exception {
    byte[] payload = randomBytes(150_000);
    try (TestServers.Server source = TestServers.sending(payload)) {
      int port = server.createProxy("bw", "127.0.0.1:0", source.address()).listenPort();
      server.addToxic("bw", ToxicSpec.of("bandwidth", "downstream", Map.of("rate", 300)));
      long start = System.nanoTime();
      byte[] received;
      try (Socket s = TestServers.connect(port)) {
        received = s.getInputStream().readAllBytes();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertArrayEquals(payload, received);
      double kbPerSecond = payload.length / 1000.0 / seconds;
      assertTrue(Math.abs(kbPerSecond - 300) <= 30, "measured " + kbPerSecond + " KB/s for a 300 KB/s limit");
    }
  }

  @Test
  void resetPeerResetsTheClientAfterTheTimeout() throws Exception {
    try (TestServers.Server echo = TestServers.echo()) {
      int port = server.createProxy("rp", "127.0.0.1:0", echo.address()).listenPort();
      server.addToxic("rp", ToxicSpec.of("reset_peer", "downstream", Map.of("timeout", 150)));
      try (Socket s = TestServers.connect(port)) {
        long start = System.nanoTime();
        SocketException e = assertThrows(SocketException.class, () -> s.getInputStream().read());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("reset"), e.getMessage());
        assertTrue(elapsedMillis >= 120 && elapsedMillis < 2_000, "reset after " + elapsedMillis + " ms");
      }
    }
  }

  @Test
  void limitDataResetsAfterTheByteLimit() throws Exception {
    try (TestServers.Server echo = TestServers.echo()) {
      int port = server.createProxy("ld", "127.0.0.1:0", echo.address()).listenPort();
      server.addToxic("ld", ToxicSpec.of("limit_data", "upstream", Map.of("bytes", 1000)));
      try (Socket s = TestServers.connect(port)) {
        s.getOutputStream().write(randomBytes(600));
        byte[] first = TestServers.readFully(s.getInputStream(), 600);
        assertEquals(600, first.length, "under the limit data flows");
        s.getOutputStream().write(randomBytes(600));
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> copy(s.getInputStream(), rest));
        assertTrue(e instanceof SocketException && e.getMessage().contains("reset"), e.toString());
        assertTrue(rest.size() <= 400, "at most the 400 bytes left under the limit came back, got " + rest.size());
      }
    }
  }

  @Test
  void timeoutZeroBlackholesUntilRemovedAndTimeoutClosesAfterIt() throws Exception {
    try (TestServers.Server echo = TestServers.echo()) {
      int port = server.createProxy("to", "127.0.0.1:0", echo.address()).listenPort();
      server.addToxic("to", new ToxicSpec("hole", "timeout", "downstream", 1.0, Map.of("timeout", 0)));
      try (Socket s = TestServers.connect(port)) {
        s.setSoTimeout(400);
        s.getOutputStream().write("lost".getBytes());
        assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
        server.removeToxic("to", "hole");
        s.setSoTimeout(2_000);
        assertArrayEquals("back".getBytes(), echoOnce(s, "back".getBytes()));
      }
      server.addToxic("to", new ToxicSpec("close", "timeout", "downstream", 1.0, Map.of("timeout", 200)));
      try (Socket s = TestServers.connect(port)) {
        long start = System.nanoTime();
        s.getOutputStream().write("lost".getBytes());
        assertEquals(-1, s.getInputStream().read(), "closed without data");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 170 && elapsedMillis < 2_000, "closed after " + elapsedMillis + " ms");
      }
    }
  }

  @Test
  void slicerSplitsOneWriteIntoDelayedSlices() throws Exception {
    byte[] payload = randomBytes(1000);
    try (TestServers.Server source = TestServers.sending(payload)) {
      int port = server.createProxy("sl", "127.0.0.1:0", source.address()).listenPort();
      server.addToxic("sl", ToxicSpec.of("slicer", "downstream",
          Map.of("average_size", 10, "size_variation", 0, "delay", 2000)));
      long start = System.nanoTime();
      int reads = 0;
      java.util.List<Integer> sizes = new java.util.ArrayList<>();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      try (Socket s = TestServers.connect(port)) {
        byte[] buffer = new byte[4096];
        int n;
        while ((n = s.getInputStream().read(buffer)) >= 0) {
          received.write(buffer, 0, n);
          reads++;
          sizes.add(n);
        }
      }
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertArrayEquals(payload, received.toByteArray());
      // A busy client may read several slices at once; most reads still see a single slice.
      assertTrue(reads >= 30, "1000 bytes in 10-byte slices 2 ms apart arrive in many reads, got " + reads);
      java.util.Collections.sort(sizes);
      assertTrue(sizes.get(sizes.size() / 2) <= 20, "median read " + sizes.get(sizes.size() / 2) + " bytes, reads " + sizes);
      assertTrue(elapsedMillis >= 190, "99 gaps of 2 ms take ~198 ms, took " + elapsedMillis);
    }
  }

  @Test
  void slowCloseDelaysTheCloseButNotTheData() throws Exception {
    try (TestServers.Server source = TestServers.sending("hi".getBytes())) {
      int port = server.createProxy("sc", "127.0.0.1:0", source.address()).listenPort();
      long plain = timeToEof(port);
      server.addToxic("sc", ToxicSpec.of("slow_close", "downstream", Map.of("delay", 300)));
      long slowed = timeToEof(port);
      assertTrue(plain < 150, "without the toxic the close comes at once, took " + plain + " ms");
      assertTrue(slowed >= 290 && slowed < 1_000, "with slow_close 300 ms the close took " + slowed + " ms");
    }
  }

  @Test
  void toxicityZeroLeavesConnectionsAlone() throws Exception {
    try (TestServers.Server echo = TestServers.echo()) {
      int port = server.createProxy("tx", "127.0.0.1:0", echo.address()).listenPort();
      server.addToxic("tx", new ToxicSpec("lat", "latency", "downstream", 0.0, Map.of("latency", 500)));
      try (Socket s = TestServers.connect(port)) {
        long rtt = TestServers.roundTrip(s, "x".getBytes());
        assertTrue(rtt < 100_000_000L, "toxicity 0 must not delay, took " + rtt / 1e6 + " ms");
      }
    }
  }

  @Test
  void severalEventLoopsShareOneListenPort() throws Exception {
    try (TestServers.Server echo = TestServers.echo();
        ShapingProxy wide = ShapingProxy.start(ProxyServerOptions.defaults().withApi("127.0.0.1", 0).withEventLoops(2))) {
      int port = wide.createProxy("wide", "127.0.0.1:0", echo.address()).listenPort();
      wide.addToxic("wide", ToxicSpec.of("latency", "downstream", Map.of("latency", 30)));
      for (int i = 0; i < 4; i++) {
        try (Socket s = TestServers.connect(port)) {
          long rtt = TestServers.roundTrip(s, "abc".getBytes());
          assertTrue(rtt >= 29_000_000L, "connection " + i + " round trip " + rtt / 1e6 + " ms");
        }
      }
      wide.deleteProxy("wide");
      assertThrows(IOException.class, () -> TestServers.connect(port), "every listener closed");
    }
  }

  private static long timeToEof(int port) throws IOException {
    long start = System.nanoTime();
    try (Socket s = TestServers.connect(port)) {
      assertArrayEquals("hi".getBytes(), s.getInputStream().readAllBytes());
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static byte[] echoOnce(Socket s, byte[] message) throws IOException {
    s.getOutputStream().write(message);
    return TestServers.readFully(s.getInputStream(), message.length);
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) throws IOException {
    byte[] buffer = new byte[4096];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
    }
  }

  private static byte[] randomBytes(int size) {
    byte[] data = new byte[size];
    new Random(42).nextBytes(data);
    return data;
  }
}
