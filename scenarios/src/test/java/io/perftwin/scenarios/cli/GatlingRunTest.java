package io.perftwin.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.scenarios.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code twin run} with {@code load.engine: gatling}, end to end: Gatling 3.15.1 in its own JVM
 * against the demo service, its binary simulation.log converted exactly, the full results folder,
 * SLOs evaluated as for the Vert.x engine, Gatling's report linked from report.html.
 */
@Tag("slow")
class GatlingRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path runs;
  private final StringWriter err = new StringWriter();

  private int twin(String... args) {
    return TwinCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
  }

  private Path onlyRun() throws IOException {
    try (Stream<Path> s = Files.list(runs)) {
      List<Path> dirs = s.toList();
      assertEquals(1, dirs.size(), dirs.toString());
      return dirs.get(0);
    }
  }

  private void assertFullFolder(Path run) throws IOException {
    for (String f : RunCommandTest.RUN_FILES) {
      assertTrue(Files.size(run.resolve(f)) > 0, f);
    }
    JsonNode manifest = JSON.readTree(run.resolve("run.json").toFile());
    assertEquals("gatling", manifest.path("engine").asText());
    String report = manifest.path("environment").path("engineReport").asText();
    assertTrue(Files.exists(run.resolve(report)), "Gatling's report is kept: " + report);
    assertTrue(Files.readString(run.resolve("report.html")).contains("href=\"" + report + "\""), "and linked");
  }

  @Test
  void theScenariosOwnPhasesRunThroughGatling() throws IOException {
    int code = twin("run", "quickstart.yaml", "--out", runs.toString(), "--set", "load.engine=gatling",
        "--set", "load.phases.0.warmup.duration=1s", "--set", "load.phases.1.steady.duration=3s",
        "--set", "slo.0=p99 < 10s");
    assertEquals(ExitCodes.PASS, code, err.toString());
    Path run = onlyRun();
    assertFullFolder(run);
    JsonNode all = JSON.readTree(run.resolve("summary.json").toFile()).path("requests").path("all");
    assertEquals(600, all.path("count").asLong(), "3 s at 200/s, warm-up excluded");
  }

  @Test
  void aUserSimulationRunsUnchangedAndIsJudgedByTheSlos() throws IOException {
    int code = twin("run", "checkout-gatling.yaml", "--out", runs.toString(), "--set", "slo.0=p99 < 10s",
        "--set", "slo.1=checkout.p99 < 10s", "--set", "slo.2=errors < 50%");
    assertEquals(ExitCodes.PASS, code, err.toString());
    Path run = onlyRun();
    assertFullFolder(run);
    JsonNode requests = JSON.readTree(run.resolve("summary.json").toFile()).path("requests");
    assertEquals(400, requests.path("item").path("count").asLong(), "20 shoppers/s for 20 s");
    assertEquals(400, requests.path("checkout").path("count").asLong());
    assertEquals(0, requests.path("all").path("errors").asLong(), "the feeder's SKUs are found: " + requests);
  }

  @Test
  void aMissingSimulationClassExits2WithItsNameAndWritesNothing() throws IOException {
    Path file = runs.resolveSibling(runs.getFileName() + "-missing.yaml");
    Files.writeString(file, Files.readString(Path.of("checkout-gatling.yaml"))
        .replace("perftwin.examples.CheckoutSimulation", "perftwin.examples.NoSuchSimulation")
        .replace("simulationSources: simulations", "simulationSources: " + Path.of("simulations").toAbsolutePath()));
    int code = twin("run", file.toString(), "--out", runs.toString());
    assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
    assertTrue(err.toString().contains("perftwin.examples.NoSuchSimulation"), err.toString());
    try (Stream<Path> s = Files.exists(runs) ? Files.list(runs) : Stream.empty()) {
      assertEquals(0, s.count(), "no run folder left");
    }
  }

  @Test
  void aGatlingProcessThatDiesMidRunGivesExit3AndKeepsWhatItRecorded() throws Exception {
    // Kill Gatling's JVM (SIGKILL) 14 s after it started: it has sent ~400 of its 800 requests, and
    // written most of them (it buffers the last 8 KiB of its log).
    Thread killer = new Thread(() -> {
      try {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
          // Gatling's JVM is this JVM's only child running java (the demo service runs in-process).
          java.util.Optional<ProcessHandle> gatling = ProcessHandle.current().children()
              .filter(p -> p.info().command().orElse("").endsWith("/java"))
              .findFirst();
          if (gatling.isPresent() && gatling.get().info().startInstant()
              .map(t -> t.plusSeconds(14).isBefore(java.time.Instant.now())).orElse(false)) {
            gatling.get().destroyForcibly();
            return;
          }
          Thread.sleep(200);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    killer.start();
    int code = twin("run", "checkout-gatling.yaml", "--out", runs.toString());
    killer.join();
    assertEquals(ExitCodes.INVALID, code, err.toString());
    Path run = onlyRun();
    for (String f : RunCommandTest.RUN_FILES) {
      assertTrue(Files.exists(run.resolve(f)), f + " written although Gatling died");
    }
    JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
    assertEquals("invalid", summary.path("verdict").asText());
    assertTrue(summary.path("generator").path("invalidReasons").toString().contains("gatling process died"),
        summary.path("generator").toString());
    long kept = summary.path("requests").path("all").path("count").asLong();
    assertTrue(kept > 0 && kept < 800, "what was recorded before the kill is kept: " + kept);
  }
}
