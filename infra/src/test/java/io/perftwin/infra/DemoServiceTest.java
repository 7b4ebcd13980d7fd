package io.perftwin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo service over real HTTP on loopback. */
class DemoServiceTest {
  private static HttpClient http;

  @BeforeAll
  static void client() {
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void closeClient() {
    http = null;
  }

  private static ServiceTime constant(long millis) {
    return new ServiceTime.Constant(Duration.ofMillis(millis));
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sequential GETs; returns each latency in ms, sorted. */
  private static double[] latenciesMs(int port, String path, int n) throws Exception {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      assertEquals(200, get(port, path).statusCode());
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  /** {@code n} GETs with at most {@code concurrency} in flight; returns the status codes. */
  private static List<Integer> burst(int port, String path, int n, int concurrency) throws Exception {
    Semaphore slots = new Semaphore(concurrency);
    List<CompletableFuture<Integer>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      slots.acquire();
      all.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding())
          .thenApply(HttpResponse::statusCode)
          .whenComplete((r, t) -> slots.release()));
    }
    List<Integer> codes = new ArrayList<>();
    for (CompletableFuture<Integer> f : all) {
      codes.add(f.get());
    }
    return codes;
  }

  /** The value of one sample line of a scrape, or 0 when absent. */
  private static double metric(String scrape, String nameAndLabels) {
    Matcher m = Pattern.compile("^" + Pattern.quote(nameAndLabels) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void endpointsHaveTheirOwnServiceTimes() throws Exception {
    DemoServiceConfig c = new DemoServiceConfig(4, constant(1), null, null,
        List.of(DemoEndpoint.of("/slow", constant(40)), DemoEndpoint.of("/api/*", constant(15))));
    try (DemoService s = DemoService.start(c, "127.0.0.1", 0, 1)) {
      get(s.port(), "/"); // warm up the connection
      double fast = latenciesMs(s.port(), "/other", 15)[7];
      double api = latenciesMs(s.port(), "/api/items/3", 15)[7];
      double slow = latenciesMs(s.port(), "/slow", 15)[7];
      // A timer never fires early, so each median is at least its service time. Upper bounds and
      // differences are loose: this 2-core machine is shared with builds (load average > 10 seen),
      // which adds tens of ms of scheduling noise to client-side latencies. The server-side
      // figures below are exact.
      assertTrue(fast >= 1 && fast < 100, "default median " + fast);
      assertTrue(api >= 15 && api < 115, "/api/* median " + api);
      assertTrue(slow >= 40 && slow < 140, "/slow median " + slow);
      assertTrue(slow > api && api > fast, "medians in the order of service times: " + fast + " < " + api + " < " + slow);
      String scrape = get(s.port(), "/metrics").body();
      assertEquals(16, metric(scrape, "perftwin_demo_served_total{endpoint=\"default\",status=\"200\",}"));
      assertEquals(15, metric(scrape, "perftwin_demo_served_total{endpoint=\"/api/*\",status=\"200\",}"));
      assertEquals(15, metric(scrape, "perftwin_demo_service_seconds_count{endpoint=\"/slow\",}"));
      assertEquals(15 * 0.040, metric(scrape, "perftwin_demo_service_seconds_sum{endpoint=\"/slow\",}"), 1e-6);
      assertEquals(15 * 0.015, metric(scrape, "perftwin_demo_service_seconds_sum{endpoint=\"/api/*\",}"), 1e-6);
      assertEquals(16 * 0.001, metric(scrape, "perftwin_demo_service_seconds_sum{endpoint=\"default\",}"), 1e-6);
    }
  }

  @Test
  void injectedErrorsFollowTheRate() throws Exception {
    int n = 1000;
    double rate = 0.2;
    DemoServiceConfig c = new DemoServiceConfig(16, constant(0), null, null,
        List.of(DemoEndpoint.of("/checkout", constant(0)).withErrors(503, rate)));
    try (DemoService s = DemoService.start(c, "127.0.0.1", 0, 11)) {
      assertEquals("demo service: 16 workers, constant(0ms), unbounded capacity; /checkout constant(0ms), 503 at 20%",
          s.describe());
      List<Integer> codes = burst(s.port(), "/checkout", n, 16);
      long errors = codes.stream().filter(x -> x == 503).count();
      assertEquals(n, errors + codes.stream().filter(x -> x == 200).count(), "only 200 and 503");
      // Binomial(1000, 0.2): mean 200, sd 12.6; ±4 sd.
      double sd = Math.sqrt(n * rate * (1 - rate));
      assertTrue(Math.abs(errors - n * rate) <= 4 * sd, "errors " + errors);
      assertTrue(burst(s.port(), "/other", 50, 8).stream().allMatch(x -> x == 200), "other paths have no errors");
      String scrape = get(s.port(), "/metrics").body();
      assertEquals(errors, metric(scrape, "perftwin_demo_served_total{endpoint=\"/checkout\",status=\"503\",}"));
      assertEquals(n - errors, metric(scrape, "perftwin_demo_served_total{endpoint=\"/checkout\",status=\"200\",}"));
    }
  }

  @Test
  void downstreamCallAddsTheStubsDelay() throws Exception {
    try (StubService stub = StubService.start(constant(25), "127.0.0.1", 0, 1)) {
      URI dep = URI.create("http://127.0.0.1:" + stub.port() + "/inventory");
      DemoServiceConfig c = new DemoServiceConfig(4, constant(5), null, null, List.of(
          DemoEndpoint.of("/checkout", constant(5)).withDownstream(dep),
          DemoEndpoint.of("/broken", constant(5)).withDownstream(URI.create("http://127.0.0.1:1/"))));
      try (DemoService s = DemoService.start(c, "127.0.0.1", 0, 1)) {
        assertEquals("demo service: 4 workers, constant(5ms), capacity 800 req/s; /checkout constant(5ms), downstream "
            + dep + "; /broken constant(5ms), downstream http://127.0.0.1:1/", s.describe());
        get(s.port(), "/");
        double plain = latenciesMs(s.port(), "/home", 11)[5];
        double withDep = latenciesMs(s.port(), "/checkout", 11)[5];
        // Lower bounds are exact (timers never fire early); upper bounds leave room for a busy machine.
        assertTrue(plain >= 5 && plain < 100, "no downstream, median " + plain);
        assertTrue(withDep >= 30 && withDep < 130, "5 ms + 25 ms stub, median " + withDep);
        assertEquals(11, stub.served());
        assertEquals(502, get(s.port(), "/broken").statusCode());
        String scrape = s.scrapeMetrics();
        double heldWithDep = metric(scrape, "perftwin_demo_service_seconds_sum{endpoint=\"/checkout\",}") / 11;
        double heldPlain = metric(scrape, "perftwin_demo_service_seconds_sum{endpoint=\"default\",}") / 12;
        assertEquals(0.005, heldPlain, 1e-9, "without downstream a worker is held for the service time exactly");
        assertTrue(heldWithDep - heldPlain >= 0.025, "the stub's 25 ms adds to the time a worker is held: "
            + heldWithDep + " s vs " + heldPlain + " s");
        assertEquals(1, metric(scrape, "perftwin_demo_served_total{endpoint=\"/broken\",status=\"502\",}"));
      }
    }
  }

  @Test
  void metricsShowTheQueueUnderOverloadAndCountEveryRequest() throws Exception {
    int n = 40;
    DemoServiceConfig c = new DemoServiceConfig(2, constant(20), null, null);
    try (DemoService s = DemoService.start(c, "127.0.0.1", 0, 1)) {
      CompletableFuture<List<Integer>> load = CompletableFuture.supplyAsync(() -> {
        try {
          return burst(s.port(), "/work", n, n);
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      // 40 requests on 2 workers of 20 ms take ~400 ms; the queue is long for most of it.
      double maxQueue = 0;
      double maxInService = 0;
      while (!load.isDone()) {
        String scrape = get(s.port(), "/metrics").body();
        double queued = metric(scrape, "perftwin_demo_queue_length");
        double inService = metric(scrape, "perftwin_demo_in_service");
        if (queued > 0) {
          assertEquals(2, inService, "a request waits only while every worker is busy");
        }
        maxQueue = Math.max(maxQueue, queued);
        maxInService = Math.max(maxInService, inService);
        Thread.sleep(5);
      }
      assertTrue(load.get().stream().allMatch(x -> x == 200));
      assertTrue(maxQueue > 0, "queue length seen under overload: " + maxQueue);
      assertEquals(2, maxInService, "in service tops out at the worker count");
      String scrape = get(s.port(), "/metrics").body();
      assertEquals(n, metric(scrape, "perftwin_demo_served_total{endpoint=\"default\",status=\"200\",}"));
      assertEquals(n, s.served());
      assertEquals(0, metric(scrape, "perftwin_demo_queue_length"));
      assertEquals(2, metric(scrape, "perftwin_demo_workers"));
      assertEquals(n, metric(scrape, "perftwin_demo_queue_wait_seconds_count"));
      assertTrue(metric(scrape, "perftwin_demo_queue_wait_seconds_sum") > 1.0,
          "40 queued requests wait ~10 s in total: " + metric(scrape, "perftwin_demo_queue_wait_seconds_sum"));
    }
  }

  @Test
  void scheduledPauseHoldsRequestsUntilItEnds() throws Exception {
    Duration after = Duration.ofMillis(300);
    Duration length = Duration.ofMillis(1000);
    DemoServiceConfig c = new DemoServiceConfig(4, constant(1), after, length);
    try (DemoService s = DemoService.start(c, "127.0.0.1", 0, 1)) {
      assertEquals(200, get(s.port(), "/").statusCode());
      while (s.uptime().compareTo(after.plusMillis(20)) < 0) {
        Thread.sleep(5);
      }
      assertEquals(200, get(s.port(), "/health").statusCode());
      assertTrue(s.uptime().compareTo(after.plus(length)) < 0, "/health answered inside the pause");
      Duration remaining = after.plus(length).minus(s.uptime());
      long t0 = System.nanoTime();
      CompletableFuture<HttpResponse<String>> held = http.sendAsync(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + s.port() + "/held")).build(), HttpResponse.BodyHandlers.ofString());
      double paused = 0;
      while (paused == 0 && !held.isDone()) {
        paused = metric(get(s.port(), "/metrics").body(), "perftwin_demo_paused_requests");
      }
      assertEquals(1, paused, "the scrape shows the held request");
      assertEquals(200, held.get().statusCode());
      long heldNanos = System.nanoTime() - t0;
      assertTrue(heldNanos >= remaining.toNanos(), "held " + heldNanos / 1_000_000 + " ms, pause had "
          + remaining.toMillis() + " ms left");
      double after2 = latenciesMs(s.port(), "/", 5)[2];
      assertTrue(after2 < 100, "after the pause the service answers promptly: " + after2);
    }
  }
}
