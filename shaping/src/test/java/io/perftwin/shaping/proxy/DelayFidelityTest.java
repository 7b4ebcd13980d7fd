package io.perftwin.shaping.proxy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.perftwin.shaping.proxy.internal.DelayDistribution;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the latency added to real echo round trips matches the configured distribution.
 * The latency toxic (20 ms, jitter 5 ms, normal) sits on the downstream stream only, so each
 * round trip crosses it exactly once and its added latency is one sample of the distribution.
 *
 * <p>Each client connection pair alternates a round trip straight to the echo server and one
 * through the proxy, so the baseline is measured at the same moments and under the same machine
 * load. Added latency = proxied round trip − median direct round trip. Clients, echo server and
 * proxy share one Vert.x event loop, as the proxy shares the load engine's loop in a run: no
 * thread hand-off between them adds scheduler noise to the round trips.
 *
 * <p>The claim is ±1 ms (at p99 widened by the direct path's own p99 − p50 spread, which the
 * proxied round trip also carries); a machine whose direct round trips alone spread by more
 * than 0.5 ms cannot resolve it, and the test is skipped with the figures rather than failed.
 */
class DelayFidelityTest {
  private static final int CONNECTIONS = 16;
  private static final int WARMUP_ROUND_TRIPS = 20;
  private static final int ROUND_TRIPS = 250;
  private static final byte[] MESSAGE = new byte[64];

  @Test
  void addedLatencyPercentilesMatchTheConfiguredNormalDistributionWithinOneMillisecond() throws Exception {
    Vertx loop = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
    try (ShapingProxy server = ShapingProxy.startOn(loop, ProxyServerOptions.defaults().withApi("127.0.0.1", 0)
        .withSeed(11).withEventLoops(1))) {
      NetServer echo = loop.createNetServer(new NetServerOptions().setTcpNoDelay(true))
          .connectHandler(socket -> socket.handler(socket::write));
      int echoPort = await(echo.listen(0, "127.0.0.1")).actualPort();
      int port = server.createProxy("fidelity", "127.0.0.1:0", "127.0.0.1:" + echoPort).listenPort();
      server.addToxic("fidelity", ToxicSpec.of("latency", "downstream",
          Map.of("latency", 20, "jitter", 5, "distribution", "normal")));
      long[][] pairs = roundTrips(loop, echoPort, port);
      long[] direct = pairs[0];
      long[] proxied = pairs[1];
      Arrays.sort(direct);
      Arrays.sort(proxied);
      double baselineP50 = quantile(direct, 0.5);
      double baselineSpread = quantile(direct, 0.99) - baselineP50;
      DelayDistribution configured = new DelayDistribution(20_000_000L, 5_000_000L, "normal", 0, new SplittableRandom(0));
      StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
          "direct round trip p50 %.3f ms, p99 %.3f ms%n", baselineP50 / 1e6, quantile(direct, 0.99) / 1e6));
      for (double p : new double[] {0.1, 0.5, 0.9, 0.99}) {
        report.append(String.format(Locale.ROOT, "p%s added latency %.3f ms, configured %.3f ms%n",
            p * 100, (quantile(proxied, p) - baselineP50) / 1e6, configured.quantileNanos(p) / 1e6));
      }
      System.out.print(report);
      assumeTrue(baselineSpread < 500_000,
          "machine too noisy to resolve 1 ms: direct round trips alone spread by " + baselineSpread / 1e6 + " ms\n" + report);
      // ±1 ms, widened at p99 by the direct path's own spread at p99: the proxied round trip
      // carries that variability too, and subtracting the direct median does not remove it.
      double[][] checks = {{0.5, 1.0}, {0.99, 1.0 + baselineSpread / 1e6}};
      for (double[] check : checks) {
        double p = check[0];
        double measuredMs = (quantile(proxied, p) - baselineP50) / 1e6;
        double expectedMs = configured.quantileNanos(p) / 1e6;
        assertTrue(Math.abs(measuredMs - expectedMs) <= check[1], "p" + p * 100 + " added " + measuredMs
            + " ms, configured " + expectedMs + " ms, tolerance " + check[1] + " ms\n" + report);
      }
    } finally {
      await(loop.close());
    }
  }

  private static double quantile(long[] sorted, double p) {
    return sorted[(int) Math.ceil(p * sorted.length) - 1];
  }

  /** CONNECTIONS pairs of connections alternating direct and proxied echoes; returns {direct RTTs, proxied RTTs}. */
  private static long[][] roundTrips(Vertx loop, int directPort, int proxyPort) throws Exception {
    NetClient client = loop.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    List<CompletableFuture<long[][]>> results = new ArrayList<>();
    for (int c = 0; c < CONNECTIONS; c++) {
      CompletableFuture<long[][]> done = new CompletableFuture<>();
      client.connect(directPort, "127.0.0.1").compose(direct -> client.connect(proxyPort, "127.0.0.1")
              .map(proxied -> new Pair(direct, proxied, done)))
          .onSuccess(Pair::send)
          .onFailure(done::completeExceptionally);
      results.add(done);
    }
    long[][] all = new long[2][CONNECTIONS * ROUND_TRIPS];
    int k = 0;
    for (CompletableFuture<long[][]> f : results) {
      long[][] r = f.get(60, TimeUnit.SECONDS);
      System.arraycopy(r[0], 0, all[0], k, ROUND_TRIPS);
      System.arraycopy(r[1], 0, all[1], k, ROUND_TRIPS);
      k += ROUND_TRIPS;
    }
    await(client.close());
    return all;
  }

  /** A direct and a proxied connection taking turns; everything runs on the event loop. */
  private static final class Pair {
    private final NetSocket direct;
    private final NetSocket proxied;
    private final CompletableFuture<long[][]> done;
    private final long[][] rtts = new long[2][ROUND_TRIPS];
    private int index = -WARMUP_ROUND_TRIPS;
    private boolean onProxied;
    private int received;
    private long start;

    Pair(NetSocket direct, NetSocket proxied, CompletableFuture<long[][]> done) {
      this.direct = direct;
      this.proxied = proxied;
      this.done = done;
      direct.handler(b -> onBytes(b.length()));
      proxied.handler(b -> onBytes(b.length()));
      direct.exceptionHandler(done::completeExceptionally);
      proxied.exceptionHandler(done::completeExceptionally);
    }

    void send() {
      received = 0;
      start = System.nanoTime();
      (onProxied ? proxied : direct).write(Buffer.buffer(MESSAGE));
    }

    private void onBytes(int n) {
      received += n;
      if (received < MESSAGE.length) {
        return;
      }
      long rtt = System.nanoTime() - start;
      if (index >= 0) {
        rtts[onProxied ? 1 : 0][index] = rtt;
      }
      if (onProxied) {
        index++;
        if (index == ROUND_TRIPS) {
          direct.close();
          proxied.close();
          done.complete(rtts);
          return;
        }
      }
      onProxied = !onProxied;
      send();
    }
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
