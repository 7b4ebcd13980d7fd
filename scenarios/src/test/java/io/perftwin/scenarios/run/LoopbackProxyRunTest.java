package io.perftwin.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.scenarios.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaping proxy in the runner's own process on loopback (no root needed), on the load
 * engine's event loops: a delay reaches the measured latency and the run is valid.
 */
@Tag("slow")
class LoopbackProxyRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path runs;

  @Test
  void aDelayThroughTheRunnersProxySlowsTheMedianBy40ms() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    List<String> sets = List.of("environment.kind=loopback", "network.delay=20ms",
        "load.phases.0.warmup.duration=1s", "load.phases.1.steady.duration=3s");
    RunOutcome outcome = QuickstartRun.run(runs, sets, console);
    String why = outcome.message() + "\n" + console.toString(StandardCharsets.UTF_8);
    assertTrue(outcome.exitCode() == ExitCodes.PASS || outcome.exitCode() == ExitCodes.GATE_FAILED, why); // valid: measured, judged
    JsonNode summary = JSON.readTree(outcome.runDir().resolve("summary.json").toFile());
    JsonNode all = summary.path("requests").path("all");
    double p50 = all.path("latencyMs").path("p50").asDouble();
    assertTrue(p50 >= 40, "p50 " + p50 + " ms with 20 ms each way");
    assertTrue(p50 < 60, "p50 " + p50 + " ms: 40 ms of delay plus a 2 ms mean service time");
    assertEquals(0, all.path("errors").asLong(), summary.toString());
    JsonNode run = JSON.readTree(outcome.runDir().resolve("run.json").toFile());
    assertEquals("loopback", run.path("environment").path("kind").asText(), run.toString());
    assertEquals("proxy", run.path("shaping").path("backends").get(0).asText(), run.path("shaping").toString());
  }
}
