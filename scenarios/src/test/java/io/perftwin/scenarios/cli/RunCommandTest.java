package io.perftwin.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code twin run} end to end, in process: the real parser, the demo service on loopback, the
 * Vert.x engine, the reporter, the exit code. Durations are shortened with {@code --duration};
 * the full quickstart runs through the launcher in {@code TwinLauncherIT}.
 */
@Tag("slow")
class RunCommandTest {
  static final List<String> RUN_FILES =
      List.of("run.json", "summary.json", "latency.hlog", "report.html", "junit.xml", "summary.md");

  @TempDir Path runs;

  private final StringWriter err = new StringWriter();

  private int twin(String... args) {
    return TwinCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
  }

  private List<Path> runFolders() throws IOException {
    if (!Files.exists(runs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory).toList();
    }
  }

  private Path onlyRun() throws IOException {
    List<Path> dirs = runFolders();
    assertEquals(1, dirs.size(), "one run folder: " + dirs);
    return dirs.get(0);
  }

  @Test
  void quickstartPassesAndWritesTheSixFiles() throws IOException {
    // A 1-2 s warm-up right after JVM start leaves the JIT cold: on a loaded 2-core machine the
    // schedule lag can pass the 10 ms default and make the run invalid (exit 3). This test is about
    // SLOs and reporting, not the generator's validity (tested in loadgen), so the limit is relaxed.
    int code = twin("run", "quickstart.yaml", "--out", runs.toString(), "--duration", "4s",
        "--set", "load.phases.0.warmup.duration=2s", "--set", "load.maxScheduleLag=1s");
    assertEquals(0, code, err::toString);
    Path dir = onlyRun();
    assertTrue(dir.getFileName().toString().matches("\\d{8}T\\d{6}Z-quickstart"), dir.toString());
    for (String f : RUN_FILES) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f + " written");
    }
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertEquals("quickstart", summary.get("scenario").asText());
    assertEquals(dir.getFileName().toString(), summary.get("runId").asText());
    assertEquals("pass", summary.get("verdict").asText());
    JsonNode all = summary.get("requests").get("all");
    assertEquals(800, all.get("count").asLong(), "200/s for 4 s");
    assertEquals(0, all.get("errors").asLong());
    assertEquals(200.0, all.get("achievedRate").asDouble(), 1e-6);
    double p50 = all.get("latencyMs").get("p50").asDouble();
    double p99 = all.get("latencyMs").get("p99").asDouble();
    assertTrue(p50 > 0 && p50 <= p99 && p99 <= all.get("latencyMs").get("max").asDouble(), all.toString());
    assertTrue(summary.get("requests").has("home") && summary.get("requests").has("checkout"));
    assertEquals(3, summary.get("slo").size());
    assertTrue(summary.get("generator").get("valid").asBoolean());
    assertEquals(200.0, summary.get("generator").get("offeredRate").asDouble(), 1e-6);

    // Per-phase figures: the 2 s warm-up at 100/s and the 4 s measured phase at 200/s, exactly.
    JsonNode phases = summary.get("phases");
    assertEquals(2, phases.size(), phases::toString);
    assertEquals("warmup", phases.get(0).get("name").asText());
    assertTrue(phases.get(0).get("warmup").asBoolean());
    assertEquals(200, phases.get(0).get("count").asLong());
    assertEquals("steady", phases.get(1).get("name").asText());
    assertEquals(800, phases.get(1).get("count").asLong());
    assertEquals(200.0, phases.get(1).get("offeredRate").asDouble(), 1e-9);
    assertEquals("constantRate 200/s", phases.get(1).get("load").asText());

    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
    assertEquals("completed", manifest.get("outcome").asText());
    assertEquals(64, manifest.get("scenarioSha256").asText().length());
    assertEquals("[\"--set load.phases.0.warmup.duration=2s\",\"--set load.maxScheduleLag=1s\",\"--duration 4s\"]",
        manifest.get("overrides").toString());
  }

  @Test
  void impossibleSloExitsOneAndStillWritesTheReport() throws IOException {
    // A 1-2 s warm-up right after JVM start leaves the JIT cold: on a loaded 2-core machine the
    // schedule lag can pass the 10 ms default and make the run invalid (exit 3). This test is about
    // SLOs and reporting, not the generator's validity (tested in loadgen), so the limit is relaxed.
    int code = twin("run", "quickstart.yaml", "--out", runs.toString(), "--duration", "2s",
        "--set", "load.phases.0.warmup.duration=1s", "--set", "load.maxScheduleLag=1s", "--set", "slo.0=p99 < 1us");
    assertEquals(1, code, err::toString);
    Path dir = onlyRun();
    for (String f : RUN_FILES) {
      assertTrue(Files.exists(dir.resolve(f)), f);
    }
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertEquals("fail", summary.get("verdict").asText());
    assertFalse(summary.get("slo").get(0).get("pass").asBoolean());
    assertTrue(Files.readString(dir.resolve("junit.xml")).contains("<failure"));
  }

  @Test
  void typoExitsTwoWithPositionAndSuggestionAndWritesNothing() throws IOException {
    int code = twin("run", "src/test/resources/e2e/typo.yaml", "--out", runs.toString());
    assertEquals(2, code);
    String message = err.toString();
    assertTrue(message.contains("typo.yaml:5:3"), message);
    assertTrue(message.contains("conections"), message);
    assertTrue(message.contains("did you mean 'connections'?"), message);
    assertEquals(List.of(), runFolders(), "nothing written for bad input");
  }

  @Test
  void refusedConnectionsAreCountedAndTheRunIsInvalidWithoutAStackTrace() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path scenario = runs.resolveSibling(runs.getFileName() + "-refused.yaml");
    Files.writeString(scenario, Files.readString(Path.of("src/test/resources/e2e/refused.yaml")).replace("PORT", Integer.toString(port)));
    int code = twin("run", scenario.toString(), "--out", runs.toString());
    Files.deleteIfExists(scenario);
    assertEquals(3, code, err::toString);
    assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    assertTrue(err.toString().contains("target unreachable"), err.toString());
    Path dir = onlyRun();
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertEquals("invalid", summary.get("verdict").asText());
    JsonNode all = summary.get("requests").get("all");
    assertEquals(100, all.get("count").asLong(), "50/s for 2 s, every one counted");
    assertEquals(100, all.get("errors").asLong());
    assertEquals(100, all.get("errorsByKind").get("connectRefused").asLong());
    assertTrue(Files.exists(dir.resolve("report.html")));
  }

  @Test
  void validateAcceptsTheShippedScenarioAndRejectsATypo() {
    assertEquals(0, twin("validate", "quickstart.yaml"));
    assertEquals(2, twin("validate", "quickstart.yaml", "src/test/resources/e2e/typo.yaml"));
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitTwo() {
    assertEquals(2, twin("run", "quickstart.yaml", "--frobnicate"));
    assertEquals(2, twin("nosuchcommand"));
  }
}
