package io.perftwin.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.infra.DemoService;
import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.Feeder;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.Protocol;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.ResponseCheck;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.gatling.GatlingRun;
import io.perftwin.loadgen.gatling.SimulationLog;
import io.perftwin.loadgen.gatling.UnsupportedGatlingVersionException;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.PhaseResult;
import io.perftwin.loadgen.results.RequestStats;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A perftwin plan run by Gatling against the demo service, converted exactly. */
class GatlingPlanEngineTest {

  static LoadPlan plan(URI target, Duration steady, double rate) {
    Feeder skus = new Feeder("skus", List.of("sku", "quantity"),
        List.of(List.of("A-1", "1"), List.of("B-2", "2"), List.of("C-3", "3")), Feeder.Strategy.SHUFFLE);
    RequestTemplate item = new RequestTemplate("item", 2, "GET", "/items/${sku}", List.of(), null);
    RequestTemplate checkout = new RequestTemplate("checkout", 1, "POST", "/checkout",
        List.of(new RequestTemplate.Header("Content-Type", "application/json")),
        "{\"sku\": \"${sku}\", \"quantity\": ${quantity}}",
        List.of(ResponseCheck.StatusIn.of(200), new ResponseCheck.JsonFieldEquals("/ok", "true")), Duration.ofSeconds(2));
    RequestTemplate bad = new RequestTemplate("bad", 1, "GET", "/bad/${sku}", List.of(), null,
        List.of(new ResponseCheck.BodyContains("no-such-text")), null);
    return new LoadPlan(target, 4, 1,
        List.of(new Phase("warmup", Duration.ofSeconds(1), new ConstantRate(50), true),
            new Phase("steady", steady, new ConstantRate(rate), false)),
        List.of(item, checkout, bad), 42, Duration.ofSeconds(5), Duration.ofMillis(50), List.of(skus), Protocol.HTTP1);
  }

  @Test
  void planRunIsConvertedExactly(@TempDir Path runDir) throws Exception {
    try (DemoService demo = GatlingTestSupport.demo()) {
      LoadPlan plan = plan(GatlingTestSupport.uri(demo), Duration.ofSeconds(3), 100);
      Path hlog = runDir.resolve("latency.hlog");
      GatlingRun run;
      try (LatencyLogWriter log = LatencyLogWriter.create(hlog)) {
        run = GatlingTestSupport.engine(p -> {}).runPlan(plan, runDir, log, new RunControl());
      }
      assertEquals(0, run.exitCode(), () -> "exit " + run.exitCode() + ", output:\n" + GatlingTestSupport.read(run.output()));
      assertTrue(run.measured().invalidReasons().isEmpty(), () -> run.measured().invalidReasons().toString());
      assertNotNull(run.reportIndex(), "Gatling's HTML report");
      assertTrue(Files.isRegularFile(run.reportIndex()));

      // Every phase, warm-up included, against Gatling's own count of requests.
      Map<String, Histogram> perftwin = new HashMap<>();
      long perftwinTotal = 0;
      long perftwinErrors = 0;
      for (PhaseResult p : run.measured().phases()) {
        for (Map.Entry<String, RequestStats> e : p.requests().entrySet()) {
          perftwin.computeIfAbsent(e.getKey(), k -> new Histogram(1_000, 3_600_000_000_000L, 3))
              .add(e.getValue().responseTime());
          perftwinTotal += e.getValue().count();
          perftwinErrors += e.getValue().errors();
        }
      }
      Map<String, long[]> gatling = GatlingTestSupport.consoleSummary(run.output());
      assertEquals(gatling.get("request count")[0], perftwinTotal, "Gatling's request count");
      assertEquals(gatling.get("request count")[2], perftwinErrors, "Gatling's KO count");
      // Gatling injects rate x duration users, one request each: 50 + 300.
      assertEquals(350, perftwinTotal);

      // Percentiles equal those of a histogram built independently from the same latencies.
      Map<String, List<Integer>> raw = GatlingTestSupport.independentLatencies(run.simulationLog());
      assertEquals(raw.keySet(), perftwin.keySet());
      for (String name : raw.keySet()) {
        Histogram direct = GatlingTestSupport.histogram(raw.get(name));
        Histogram mine = perftwin.get(name);
        assertEquals(direct.getTotalCount(), mine.getTotalCount(), name);
        for (double q : new double[] {50, 75, 90, 95, 99, 99.9, 100}) {
          assertEquals(direct.getValueAtPercentile(q), mine.getValueAtPercentile(q), name + " p" + q);
        }
        assertEquals(direct, mine, name);
      }

      // Measured = the steady phase only; errors mapped: the body check of 'bad' fails every time.
      RequestStats bad = run.measured().requests().get("bad");
      assertTrue(bad.count() > 0);
      assertEquals(Map.of(ErrorKind.CHECK_FAILED, bad.count()), bad.errorsByKind());
      assertEquals(0, run.measured().requests().get("checkout").errors(), "checkout passes its status and JSON checks");
      assertEquals(0, run.measured().requests().get("item").errors());
      assertEquals(300, run.measured().all().count());
      assertEquals(100.0, run.measured().offeredRate(), 1e-9);

      // The latency log holds every request once (warm-up tagged separately).
      long logged = 0;
      try (var in = Files.newInputStream(hlog)) {
        HistogramLogReader reader = new HistogramLogReader(in);
        for (var h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
          String tag = h.getTag();
          if (tag != null && !tag.contains("service/") && !tag.contains("errors/")) {
            logged += ((Histogram) h).getTotalCount();
          }
        }
      }
      assertEquals(350, logged);
      assertEquals(350, run.measured().timeline().stream().mapToLong(p -> p.completed()).sum());
    }
  }

  @Test
  void everyShapeRunsInItsPhase(@TempDir Path runDir) throws Exception {
    try (DemoService demo = GatlingTestSupport.demo()) {
      LoadPlan plan = new LoadPlan(GatlingTestSupport.uri(demo), 4, 1,
          List.of(new Phase("steps", Duration.ofSeconds(2), new io.perftwin.loadgen.StepRate(20, 40, 2), false),
              new Phase("ramp", Duration.ofSeconds(1), new io.perftwin.loadgen.RampRate(10, 30), false),
              new Phase("poisson", Duration.ofSeconds(1), new io.perftwin.loadgen.PoissonRate(50), false),
              new Phase("closed", Duration.ofSeconds(1), new io.perftwin.loadgen.ClosedUsers(2, Duration.ofMillis(50)), false)),
          List.of(new RequestTemplate("home", 1, "GET", "/$$literal", List.of(), null)), 3, Duration.ofSeconds(2),
          Duration.ofMillis(50));
      GatlingRun run = GatlingTestSupport.engine(p -> {}).runPlan(plan, runDir, LatencyLogWriter.discarding(), new RunControl());
      assertEquals(0, run.exitCode(), () -> GatlingTestSupport.read(run.output()));
      Map<String, Long> byPhase = new HashMap<>();
      run.measured().phases().forEach(p -> byPhase.put(p.name(), p.all().count()));
      assertEquals(20 + 40, byPhase.get("steps"), "1 s at 20/s then 1 s at 40/s");
      assertEquals(20, byPhase.get("ramp"), "10/s to 30/s over 1 s");
      assertTrue(byPhase.get("poisson") > 20 && byPhase.get("poisson") < 90, "about 50: " + byPhase.get("poisson"));
      // 2 users, each request then 50 ms of thinking: at most 2 × 1 s / 50 ms.
      assertTrue(byPhase.get("closed") > 4 && byPhase.get("closed") <= 40, "closed: " + byPhase.get("closed"));
      assertEquals(0, run.measured().all().errors());
      assertEquals(run.measured().all().count(), byPhase.values().stream().mapToLong(Long::longValue).sum());
    }
  }

  @Test
  void refusedConnectionsAreConnectRefused(@TempDir Path runDir) throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: nothing listens there during the run
    }
    LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:" + port), 1, 1,
        List.of(new Phase("steady", Duration.ofSeconds(1), new ConstantRate(20), false)),
        List.of(new RequestTemplate("home", 1, "GET", "/", List.of(), null)), 1, Duration.ofSeconds(2), Duration.ofMillis(50));
    GatlingRun run = GatlingTestSupport.engine(p -> {}).runPlan(plan, runDir, LatencyLogWriter.discarding(), new RunControl());
    RequestStats home = run.measured().requests().get("home");
    assertEquals(20, home.count());
    assertEquals(Map.of(ErrorKind.CONNECT_REFUSED, 20L), home.errorsByKind(), () -> GatlingTestSupport.read(run.output()));
    assertTrue(run.measured().invalidReasons().stream().anyMatch(r -> r.startsWith("target unreachable")),
        run.measured().invalidReasons()::toString);
  }

  @Test
  void otherGatlingVersionsAreRefused(@TempDir Path dir) throws Exception {
    // A real simulation.log from a short run, with its version string rewritten.
    try (DemoService demo = GatlingTestSupport.demo()) {
      GatlingRun run = GatlingTestSupport.engine(p -> {}).runPlan(plan(GatlingTestSupport.uri(demo), Duration.ofSeconds(1), 20),
          dir, LatencyLogWriter.discarding(), new RunControl());
      byte[] bytes = Files.readAllBytes(run.simulationLog());
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      int at = text.indexOf("3.15.1");
      assertTrue(at > 0 && at < 16, "version near the start");
      bytes[at + 3] = '4'; // 3.14.1
      Path other = dir.resolve("other.log");
      Files.write(other, bytes);
      UnsupportedGatlingVersionException e = assertThrows(UnsupportedGatlingVersionException.class,
          () -> SimulationLog.read(other));
      assertEquals("3.14.1", e.found());
      assertEquals("3.15.1", e.expected());
      assertTrue(e.getMessage().contains("3.14.1") && e.getMessage().contains("3.15.1"), e.getMessage());
    }
  }

  @Test
  void killedChildKeepsWhatWasRecorded(@TempDir Path runDir) throws Exception {
    try (DemoService demo = GatlingTestSupport.demo()) {
      AtomicReference<ProcessHandle> child = new AtomicReference<>();
      LoadPlan plan = plan(GatlingTestSupport.uri(demo), Duration.ofSeconds(30), 400);
      Thread killer = new Thread(() -> {
        try {
          while (child.get() == null) {
            Thread.sleep(10);
          }
          // Kill once the log has been flushed at least once (8 KiB, about 300 requests).
          Path results = runDir.resolve("gatling/results");
          long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
          while (System.nanoTime() < deadline) {
            Path log = findLog(results);
            if (log != null && Files.size(log) > 20_000) {
              break;
            }
            Thread.sleep(50);
          }
          child.get().destroyForcibly();
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      killer.start();
      GatlingRun run;
      try {
        run = GatlingTestSupport.engine(child::set).runPlan(plan, runDir, LatencyLogWriter.discarding(), new RunControl());
      } finally {
        killer.join();
        if (child.get() != null) {
          child.get().destroyForcibly();
        }
      }
      assertEquals(137, run.exitCode());
      assertTrue(run.measured().invalidReasons().stream().anyMatch(r -> r.startsWith("gatling process died (exit 137)")),
          run.measured().invalidReasons()::toString);
      assertNull(run.reportIndex(), "no report from a killed Gatling");
      long recorded = run.measured().phases().stream().mapToLong(p -> p.all().count()).sum();
      // Kept exactly the requests the log held, by a second, independent reading of it.
      long written = GatlingTestSupport.independentLatencies(run.simulationLog()).values().stream().mapToLong(List::size).sum();
      assertTrue(written > 0, "Gatling had written requests before it was killed");
      assertEquals(written, recorded);
      assertTrue(recorded < 400 * 30, "the run was cut short: " + recorded);
    }
  }

  private static Path findLog(Path results) throws java.io.IOException {
    if (!Files.isDirectory(results)) {
      return null;
    }
    try (var walk = Files.walk(results, 2)) {
      return walk.filter(p -> p.getFileName().toString().equals("simulation.log")).findFirst().orElse(null);
    }
  }
}
