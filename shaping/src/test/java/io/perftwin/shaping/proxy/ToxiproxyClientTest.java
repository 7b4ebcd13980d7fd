package io.perftwin.shaping.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stock toxiproxy Java client drives our server end to end. */
class ToxiproxyClientTest {
  private static final byte[] PING = "ping-ping-ping-ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @Test
  void latencyToxicAddedThroughTheClientDelaysRoundTripsAndRemovingItRestoresThem() throws Exception {
    try (TestServers.Server echo = TestServers.echo();
        ShapingProxy server = ShapingProxy.start(ProxyServerOptions.defaults().withApi("127.0.0.1", 0))) {
      ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.apiPort());
      assertTrue(client.version().contains("perftwin"));
      Proxy proxy = client.createProxy("echo", "127.0.0.1:0", echo.address());
      assertNotEquals("127.0.0.1:0", proxy.getListen(), "the real port is reported");
      int port = Integer.parseInt(proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1));
      assertEquals(1, client.getProxies().size());

      long baseline = medianRoundTrip(port);
      proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 50);
      assertEquals(1, proxy.toxics().getAll().size());
      assertEquals("slow", proxy.toxics().getAll().get(0).getName());
      long delayed = medianRoundTrip(port);
      long added = delayed - baseline;
      assertTrue(added >= TimeUnit.MILLISECONDS.toNanos(49) && added < TimeUnit.MILLISECONDS.toNanos(60),
          "added latency " + added / 1e6 + " ms, expected ~50 ms");

      proxy.toxics().get("slow").remove();
      assertTrue(proxy.toxics().getAll().isEmpty());
      long after = medianRoundTrip(port);
      assertTrue(after < TimeUnit.MILLISECONDS.toNanos(5), "after removal " + after / 1e6 + " ms");

      proxy.disable();
      assertFalse(client.getProxy("echo").isEnabled());
      proxy.enable();
      proxy.delete();
      assertTrue(client.getProxies().isEmpty());
    }
  }

  private static long medianRoundTrip(int port) throws Exception {
    try (Socket s = TestServers.connect(port)) {
      long[] rtts = new long[15];
      for (int i = 0; i < rtts.length; i++) {
        rtts[i] = TestServers.roundTrip(s, PING);
      }
      return TestServers.median(rtts);
    }
  }
}
