package io.perftwin.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.infra.DemoService;
import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.gatling.GatlingEngine;
import io.perftwin.loadgen.gatling.GatlingRun;
import io.perftwin.loadgen.gatling.GatlingSimulationException;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.RequestStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User simulations: the example CheckoutSimulation compiled from scenarios/simulations, and the errors. */
class GatlingSimulationEngineTest {

  static Path repo() {
    return GatlingTestSupport.moduleDir().getParent().getParent();
  }

  static GatlingEngine engine(List<String> properties) {
    List<String> args = new java.util.ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC"));
    args.addAll(properties);
    return new GatlingEngine(io.perftwin.loadgen.gatling.GatlingClasspath.fromModule(GatlingTestSupport.moduleDir()),
        Clock.systemUTC(), args, p -> {});
  }

  @Test
  void exampleSimulationRunsUnchangedAndIsConvertedExactly(@TempDir Path runDir) throws Exception {
    try (DemoService demo = GatlingTestSupport.demo()) {
      GatlingEngine engine = engine(List.of("-Dcheckout.rate=40", "-Dcheckout.duration=3",
          "-Dcheckout.skus=" + repo().resolve("scenarios/data/skus.csv")));
      GatlingRun run = engine.runSimulation("perftwin.examples.CheckoutSimulation", repo().resolve("scenarios/simulations"),
          GatlingTestSupport.uri(demo), runDir, LatencyLogWriter.discarding(), new RunControl());
      assertEquals(0, run.exitCode(), () -> GatlingTestSupport.read(run.output()));
      assertTrue(run.measured().valid(), run.measured().invalidReasons()::toString);
      assertNotNull(run.reportIndex());
      assertEquals(List.of("item", "checkout"), List.copyOf(run.measured().requests().keySet()));

      // 40 shoppers/s for 3 s, each one item and one checkout.
      RequestStats item = run.measured().requests().get("item");
      RequestStats checkout = run.measured().requests().get("checkout");
      assertEquals(120, item.count());
      assertEquals(120, checkout.count());
      assertEquals(0, run.measured().all().errors(), "status and jsonPath checks pass on the demo service");

      Map<String, long[]> gatling = GatlingTestSupport.consoleSummary(run.output());
      assertEquals(gatling.get("request count")[0], run.measured().all().count());
      Map<String, List<Integer>> raw = GatlingTestSupport.independentLatencies(run.simulationLog());
      for (String name : List.of("item", "checkout")) {
        Histogram direct = GatlingTestSupport.histogram(raw.get(name));
        assertEquals(direct, run.measured().requests().get(name).responseTime(), name);
      }
      assertTrue(Files.isRegularFile(runDir.resolve("gatling/classes/perftwin/examples/CheckoutSimulation.class")));
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  @Test
  void missingClassIsASimulationError(@TempDir Path runDir) {
    GatlingSimulationException e = assertThrows(GatlingSimulationException.class,
        () -> engine(List.of()).runSimulation("perftwin.examples.NoSuchSimulation", repo().resolve("scenarios/simulations"),
            null, runDir, LatencyLogWriter.discarding(), new RunControl()));
    assertEquals("perftwin.examples.NoSuchSimulation", e.simulationClass());
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
    assertTrue(e.compilerMessages().isEmpty());
  }

  @Test
  void notASimulationIsASimulationError(@TempDir Path runDir) {
    GatlingSimulationException e = assertThrows(GatlingSimulationException.class,
        () -> engine(List.of()).runSimulation("io.perftwin.gatling.GatlingMain", null, null, runDir,
            LatencyLogWriter.discarding(), new RunControl()));
    assertTrue(e.getMessage().contains("is not a Gatling simulation"), e.getMessage());
  }

  @Test
  void compileFailureCarriesJavacMessages(@TempDir Path dir) throws Exception {
    Path sources = dir.resolve("src/demo");
    Files.createDirectories(sources);
    Files.writeString(sources.resolve("Broken.java"), """
        package demo;

        import io.gatling.javaapi.core.Simulation;

        public class Broken extends Simulation {
          { setUp(nonsense()); }
        }
        """);
    GatlingSimulationException e = assertThrows(GatlingSimulationException.class,
        () -> engine(List.of()).runSimulation("demo.Broken", dir.resolve("src"), null, dir.resolve("run"),
            LatencyLogWriter.discarding(), new RunControl()));
    assertEquals("demo.Broken", e.simulationClass());
    assertEquals(1, e.compilerMessages().size(), e.compilerMessages()::toString);
    String m = e.compilerMessages().get(0);
    assertTrue(m.contains("Broken.java:6:") && m.contains("nonsense"), m);
    assertTrue(e.getMessage().contains("do not compile"), e.getMessage());
  }

  @Test
  void stopRequestEndsTheChildAndKeepsTheRun(@TempDir Path runDir) throws Exception {
    try (DemoService demo = GatlingTestSupport.demo()) {
      GatlingEngine engine = engine(List.of("-Dcheckout.rate=100", "-Dcheckout.duration=60",
          "-Dcheckout.skus=" + repo().resolve("scenarios/data/skus.csv")));
      RunControl control = new RunControl();
      Thread stopper = new Thread(() -> {
        // Stop once Gatling has flushed its log buffer (8 KiB) at least once.
        long deadline = System.nanoTime() + 40_000_000_000L;
        try {
          while (System.nanoTime() < deadline) {
            try (var walk = Files.walk(runDir.resolve("gatling"))) {
              if (walk.anyMatch(p -> p.getFileName().toString().equals("simulation.log") && size(p) > 10_000)) {
                break;
              }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
              // not there yet
            }
            Thread.sleep(50);
          }
        } catch (InterruptedException e) {
          return;
        }
        control.requestStop("test asked to stop");
      });
      stopper.start();
      long t0 = System.nanoTime();
      GatlingRun run = engine.runSimulation("perftwin.examples.CheckoutSimulation", repo().resolve("scenarios/simulations"),
          GatlingTestSupport.uri(demo), runDir, LatencyLogWriter.discarding(), control);
      stopper.join();
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(seconds < 30, "stopped long before the 60 s run: " + seconds);
      assertTrue(run.measured().invalidReasons().contains("interrupted: test asked to stop"),
          run.measured().invalidReasons()::toString);
      System.out.println("stopped Gatling: exit " + run.exitCode() + ", " + run.measured().all().count()
          + " requests kept, reasons " + run.measured().invalidReasons());
      // Kept exactly the requests Gatling had written (how many depends on how fast it went).
      long written = GatlingTestSupport.independentLatencies(run.simulationLog()).values().stream().mapToLong(List::size).sum();
      assertTrue(written > 0, "Gatling had written requests");
      assertEquals(written, run.measured().all().count());
      assertEquals(0, run.measured().all().errorsByKind().getOrDefault(ErrorKind.OTHER, 0L));
    }
  }
}
