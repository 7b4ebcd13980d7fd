package io.perftwin.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.infra.cluster.LocalCluster;
import io.perftwin.scenarios.Namespaces;
import io.perftwin.scenarios.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network conditions applied by a real run: kernel rate on the veth link between the loadgen and
 * target namespaces, delay through the shaping proxy, a knob nothing can apply refused before
 * load, and nothing left after a runner killed with SIGKILL. Needs root; skipped otherwise.
 */
@Tag("slow")
class ShapedRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path runs;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeEach
  void needNamespaces() {
    Namespaces.assumeAvailable();
  }

  private RunOutcome run(List<String> sets) throws Exception {
    return QuickstartRun.run(runs, sets, console);
  }

  @Test
  void aKernelRateLimitOnTheLoadgenTargetLinkHolds() throws Exception {
    // 80 requests/s, a quarter of them 48 KB uploads, offer ~7.7 mbit/s to a 4 mbit/s link: it stays full.
    String body = "x".repeat(48_000);
    RunOutcome outcome = run(List.of("environment.kind=namespaces", "network.rate=4mbit",
        "load.phases.0.warmup.duration=1s", "load.phases.0.warmup.constantRate=80/s",
        "load.phases.1.steady.duration=6s", "load.phases.1.steady.constantRate=80/s",
        "load.requests.1.body=" + body, "load.maxScheduleLag=5s"));
    assertTrue(outcome.runDir() != null, outcome.message() + console);
    JsonNode run = JSON.readTree(outcome.runDir().resolve("run.json").toFile());
    JsonNode rate = null;
    for (JsonNode k : run.path("shaping").path("knobs")) {
      if (k.path("knob").asText().equals("rate") && k.path("direction").asText().equals("up")) {
        rate = k;
      }
    }
    assertEquals("kernel", rate.path("backend").asText(), run.path("shaping").toString());
    JsonNode traffic = JSON.readTree(outcome.runDir().resolve("link-traffic.json").toFile());
    List<double[]> tx = new ArrayList<>(); // {start s, end s, bits/s}
    for (JsonNode n : traffic.path("nodes")) {
      if (n.path("node").asText().equals("loadgen")) {
        n.path("intervals").forEach(i -> tx.add(new double[] {i.path("startSeconds").asDouble(),
            i.path("endSeconds").asDouble(), i.path("txBitsPerSecond").asDouble()}));
      }
    }
    // The achieved transfer rate: bits sent over the time the link was full (from the first
    // interval above half the limit, plus one for the ramp, to the last such interval, minus one
    // for the drain), divided by that time. Per-interval figures jitter by several per cent
    // because each sample's clock reading and counter read are tens of milliseconds apart; over
    // the whole window that error shrinks to the two ends.
    int first = -1;
    int last = -1;
    for (int i = 0; i < tx.size(); i++) {
      if (tx.get(i)[2] > 2_000_000) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    List<String> shown = tx.stream().map(i -> String.format(java.util.Locale.ROOT, "%.0f", i[2])).toList();
    assertTrue(first >= 0 && last - first >= 4, "the link was full for too short a time: " + shown);
    double bits = 0;
    double seconds = 0;
    for (int i = first + 1; i < last; i++) {
      double dt = tx.get(i)[1] - tx.get(i)[0];
      bits += tx.get(i)[2] * dt;
      seconds += dt;
    }
    System.out.printf(java.util.Locale.ROOT, "FIDELITY run rate 4mbit: achieved %.0f bit/s over %.2f s%n", bits / seconds, seconds);
    assertEquals(4_000_000, bits / seconds, 4_000_000 * 0.05,
        "achieved over " + seconds + " s; loadgen eth0 transmit bits per second per interval: " + shown);
  }

  @Test
  void aDelayOf20msSlowsTheMedianBy40ms() throws Exception {
    RunOutcome outcome = run(List.of("environment.kind=namespaces", "network.delay=20ms",
        "load.phases.0.warmup.duration=1s", "load.phases.1.steady.duration=3s", "load.maxScheduleLag=5s"));
    JsonNode summary = JSON.readTree(outcome.runDir().resolve("summary.json").toFile());
    double p50 = summary.path("requests").path("all").path("latencyMs").path("p50").asDouble();
    assertTrue(p50 >= 40, "p50 " + p50 + " ms with 20 ms each way");
    assertTrue(p50 < 60, "p50 " + p50 + " ms: 40 ms of delay plus a 2 ms mean service time");
    JsonNode shaping = JSON.readTree(outcome.runDir().resolve("run.json").toFile()).path("shaping");
    assertEquals(List.of("proxy"), List.of(shaping.path("backends").get(0).asText()));
  }

  @Test
  void aKnobNothingCanApplyStopsTheRunBeforeLoad() throws Exception {
    // This kernel has no netem: nothing duplicates packets.
    Assumptions.assumeFalse(io.perftwin.shaping.probe.CapabilityProbe.probe().netem(), "this kernel has netem");
    RunOutcome outcome = run(List.of("environment.kind=namespaces", "network.duplicate=1%"));
    assertEquals(ExitCodes.INVALID, outcome.exitCode());
    assertTrue(outcome.message().contains("duplicate"), outcome.message());
    assertNull(outcome.runDir(), "nothing created before the refusal");
    try (Stream<Path> s = Files.exists(runs) ? Files.list(runs) : Stream.empty()) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void aRunnerKilledWithSigkillLeavesNothingOnceTheNextCommandStarts() throws Exception {
    List<String> before = LocalCluster.perftwinNamespaces();
    List<String> cmd = new ArrayList<>(LocalCluster.javaCommand("io.perftwin.scenarios.cli.Main", List.of("run",
        Path.of("wan.yaml").toAbsolutePath().toString(), "--out", runs.toString(), "--duration", "60s")));
    Process runner = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(runs.resolveSibling(runs.getFileName() + ".log").toFile()).start();
    try {
      // Wait until the agent sends load (its log shows a progress line), with shaping in place.
      long deadline = System.nanoTime() + 60_000_000_000L;
      Path agentLog = null;
      while (System.nanoTime() < deadline && agentLog == null) {
        Thread.sleep(250);
        try (Stream<Path> s = Files.exists(runs) ? Files.walk(runs) : Stream.empty()) {
          agentLog = s.filter(p -> p.toString().endsWith("logs/loadgen.log")).filter(ShapedRunTest::hasProgress)
              .findFirst().orElse(null);
        }
      }
      assertTrue(agentLog != null, "the agent started");
      assertTrue(LocalCluster.perftwinNamespaces().size() > before.size(), "the run's namespaces exist");
    } finally {
      runner.destroyForcibly(); // SIGKILL: no shutdown hook runs
      runner.waitFor();
    }
    // Within a few seconds every process of the run is gone (each watches its parent).
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline && runProcesses() > 0) {
      Thread.sleep(100);
    }
    assertEquals(0, runProcesses(), "no agent, target or proxy process left");
    // The namespaces (and the qdiscs and nft table inside them) go when the next twin command starts.
    LocalCluster.cleanupLeftovers();
    assertEquals(before, LocalCluster.perftwinNamespaces());
  }

  private static boolean hasProgress(Path log) {
    try {
      return Files.readString(log).contains("req/s");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private long runProcesses() {
    return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(runs.toString())).count();
  }
}
