package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Templates with feeder rows, response checks, per-request timeouts and h2c, end to end on loopback. */
@Tag("slow")
class RequestFeaturesTest {
  private static Vertx vertx;
  private static HttpServer server;
  private static final Map<String, AtomicLong> itemsSeen = new ConcurrentHashMap<>();
  private static final AtomicLong http2Requests = new AtomicLong();
  private static final AtomicLong postedBytes = new AtomicLong();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(true)).requestHandler(req -> {
      if (req.version() == HttpVersion.HTTP_2) {
        http2Requests.incrementAndGet();
      }
      String path = req.path();
      if (path.startsWith("/item/")) {
        String id = path.substring("/item/".length());
        itemsSeen.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
        req.response().putHeader("content-type", "application/json").end("{\"id\":\"" + id + "\",\"ok\":true}");
      } else if (path.equals("/slow")) {
        vertx.setTimer(500, t -> req.response().end("late"));
      } else if (path.equals("/echo")) {
        req.body().onSuccess(b -> {
          postedBytes.addAndGet(b.length());
          req.response().end(b);
        });
      } else {
        req.response().setStatusCode(404).end();
      }
    });
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  @AfterAll
  static void stop() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  private static MeasuredRun run(List<RequestTemplate> requests, List<Feeder> feeders, Protocol protocol, double rate) {
    LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:" + server.actualPort()), 4, 2,
        List.of(new Phase("steady", Duration.ofSeconds(2), new ConstantRate(rate), false)),
        requests, 3, Duration.ofSeconds(5), Duration.ofMillis(50), feeders, protocol);
    return LoadEngines.vertx().run(plan, RunObserver.NONE, LatencyLogWriter.discarding(), new RunControl());
  }

  private static final Feeder IDS = new Feeder("ids", List.of("id"),
      List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), Feeder.Strategy.SEQUENTIAL);

  @Test
  void feederRowsFillTemplatesAndChecksPass() {
    itemsSeen.clear();
    RequestTemplate item = new RequestTemplate("item", 1, "GET", "/item/${id}", List.of(), null,
        List.of(new ResponseCheck.BodyContains("\"ok\":true"), new ResponseCheck.JsonFieldEquals("/ok", "true")), null);
    MeasuredRun run = run(List.of(item), List.of(IDS), Protocol.HTTP1, 200);
    RequestStats stats = run.requests().get("item");
    assertEquals(400, stats.count());
    assertEquals(0, stats.errors(), stats.errorsByKind().toString());
    // Sequential feeder shared by 2 loops: every row used equally (400 requests / 4 rows).
    assertEquals(Map.of("a", 100L, "b", 100L, "c", 100L, "d", 100L),
        Map.of("a", itemsSeen.get("a").get(), "b", itemsSeen.get("b").get(), "c", itemsSeen.get("c").get(), "d", itemsSeen.get("d").get()));
  }

  @Test
  void failingChecksAndStatusesAreErrorsOfTheirKind() {
    RequestTemplate wrongField = new RequestTemplate("wrong", 1, "GET", "/item/x", List.of(), null,
        List.of(new ResponseCheck.JsonFieldEquals("/ok", "false")), null);
    RequestTemplate missing = new RequestTemplate("missing", 1, "GET", "/nothing-here", List.of(), null, List.of(), null);
    MeasuredRun run = run(List.of(wrongField, missing), List.of(), Protocol.HTTP1, 100);
    RequestStats w = run.requests().get("wrong");
    RequestStats m = run.requests().get("missing");
    assertEquals(200, w.count() + m.count());
    assertEquals(Map.of(ErrorKind.CHECK_FAILED, w.count()), w.errorsByKind());
    assertEquals(Map.of(ErrorKind.STATUS, m.count()), m.errorsByKind());
  }

  @Test
  void perRequestTimeoutFailsSlowRequestsAtTheTimeout() {
    RequestTemplate slow = new RequestTemplate("slow", 1, "GET", "/slow", List.of(), null, List.of(), Duration.ofMillis(100));
    MeasuredRun run = run(List.of(slow), List.of(), Protocol.HTTP1, 20);
    RequestStats stats = run.requests().get("slow");
    assertEquals(40, stats.count());
    assertEquals(Map.of(ErrorKind.TIMEOUT, 40L), stats.errorsByKind());
    // Detected by a sweep every 5 ms (timeout / 20): between 100 ms and ~120 ms after the write.
    double p50 = Histograms.percentileMillis(stats.serviceTime(), 50);
    assertTrue(p50 >= 100 && p50 < 150, "timeout detected at " + p50 + " ms");
  }

  @Test
  void h2cSendsHttp2WithTemplatedBodies() {
    http2Requests.set(0);
    postedBytes.set(0);
    RequestTemplate echo = new RequestTemplate("echo", 1, "POST", "/echo", List.of(), "id=${id}",
        List.of(new ResponseCheck.BodyContains("id=")), null);
    MeasuredRun run = run(List.of(echo), List.of(IDS), Protocol.H2C, 100);
    RequestStats stats = run.requests().get("echo");
    assertEquals(200, stats.count());
    assertEquals(0, stats.errors(), stats.errorsByKind().toString());
    assertEquals(200, http2Requests.get());
    assertEquals(200 * "id=a".length(), postedBytes.get());
  }
}
