package io.perftwin.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.infra.cluster.LocalCluster;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.reports.RunFolder;
import io.perftwin.scenarios.Namespaces;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs through the local cluster for real: the target in its own network namespace, the load in
 * agent processes in load-generator namespaces, results merged. Needs root; skipped otherwise.
 */
@Tag("slow")
class NamespaceRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path runs;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeEach
  void needNamespaces() {
    Namespaces.assumeAvailable();
  }

  private RunOutcome run(String... sets) throws Exception {
    // These tests are about placement, merging and cleanup, not about latency: JVMs start cold in
    // the namespaces and the machine may be busy, so the latency SLO and the lag limit are relaxed.
    List<String> all = new ArrayList<>(List.of("load.phases.0.warmup.duration=1s", "load.phases.1.steady.duration=3s",
        "load.maxScheduleLag=5s", "slo.0=p99 < 10s"));
    all.addAll(List.of(sets));
    return QuickstartRun.run(runs, all, console);
  }

  private static List<String> perftwinNamespaces() {
    return LocalCluster.perftwinNamespaces();
  }

  @Test
  void quickstartRunsThroughLoadgenAndTargetNamespacesAndLeavesNothing() throws Exception {
    List<String> before = perftwinNamespaces();
    RunOutcome outcome = run("environment.kind=namespaces");
    String out = console.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCodes.PASS, outcome.exitCode(), outcome.message() + "\n" + out);
    JsonNode env = JSON.readTree(outcome.runDir().resolve("run.json").toFile()).path("environment");
    assertEquals("namespaces", env.path("kind").asText(), env.toString());
    String cluster = env.path("cluster").asText();
    assertEquals(List.of("loadgen", "target"), names(env.path("nodes")));
    JsonNode summary = JSON.readTree(outcome.runDir().resolve("summary.json").toFile());
    assertEquals(600, summary.path("requests").path("all").path("count").asLong(), "3 s at 200/s");
    assertTrue(outcome.runDir().resolve("logs/target.log").toFile().length() > 0, "the target's log is kept");
    // Nothing left: no namespace of this cluster, no state file, no process started in it.
    assertFalse(perftwinNamespaces().stream().anyMatch(n -> n.contains(cluster)), perftwinNamespaces().toString());
    assertEquals(before, perftwinNamespaces());
    assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(runs.toString())),
        "no process of the run is left");
  }

  @Test
  void twoAgentsInTwoLoadgenNamespacesMergeExactly() throws Exception {
    RunOutcome outcome = run("environment.kind=namespaces", "environment.loadgens=2");
    String out = console.toString(StandardCharsets.UTF_8);
    assertEquals(ExitCodes.PASS, outcome.exitCode(), outcome.message() + "\n" + out);
    Path dir = outcome.runDir();
    JsonNode env = JSON.readTree(dir.resolve("run.json").toFile()).path("environment");
    assertEquals(List.of("loadgen1", "loadgen2", "target"), names(env.path("nodes")));

    RunFolder a = RunFolder.read(dir.resolve("agents/loadgen1"));
    RunFolder b = RunFolder.read(dir.resolve("agents/loadgen2"));
    RunFolder merged = RunFolder.read(dir);
    for (String name : List.of("home", "checkout")) {
      Histogram union = Histograms.create();
      union.add(a.measuredRun().requests().get(name).responseTime());
      union.add(b.measuredRun().requests().get(name).responseTime());
      Histogram m = merged.measuredRun().requests().get(name).responseTime();
      long ca = a.measuredRun().requests().get(name).count();
      long cb = b.measuredRun().requests().get(name).count();
      assertTrue(ca > 0 && cb > 0, "both agents sent " + name + ": " + ca + ", " + cb);
      assertEquals(ca + cb, merged.measuredRun().requests().get(name).count(), name + ": merged count = sum");
      assertEquals(union, m, name + ": merged histogram = union of the agents'");
      for (double q : new double[] {50, 90, 99, 99.9, 100}) {
        assertEquals(union.getValueAtPercentile(q), m.getValueAtPercentile(q), name + " p" + q);
      }
    }
    JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
    long total = summary.path("requests").path("all").path("count").asLong();
    assertEquals(a.measuredRun().all().count() + b.measuredRun().all().count(), total);
    assertEquals(600, total, "the two shares together are the plan: 3 s at 200/s");
    assertEquals(Histograms.percentileMillis(merged.measuredRun().all().responseTime(), 99),
        summary.path("requests").path("all").path("latencyMs").path("p99").asDouble(), 0.01);

    // The same merge by hand, through the command line, gives the same figures.
    Path again = runs.resolve("merged-by-hand");
    int code = io.perftwin.scenarios.cli.TwinCommand.execute(new java.io.PrintWriter(new java.io.StringWriter(), true),
        new java.io.PrintWriter(new java.io.StringWriter(), true), "merge", "--out", again.toString(),
        dir.resolve("agents/loadgen1").toString(), dir.resolve("agents/loadgen2").toString());
    assertEquals(ExitCodes.PASS, code);
    JsonNode byHand = JSON.readTree(again.resolve("summary.json").toFile()).path("requests");
    assertEquals(summary.path("requests").path("all").path("count"), byHand.path("all").path("count"));
    assertEquals(summary.path("requests").path("all").path("latencyMs"), byHand.path("all").path("latencyMs"));
    assertEquals("merged-by-hand", JSON.readTree(again.resolve("run.json").toFile()).path("runId").asText());
    assertEquals(ExitCodes.BAD_INPUT, io.perftwin.scenarios.cli.TwinCommand.execute(
        new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(new java.io.StringWriter(), true),
        "merge", "--out", again.toString(), dir.resolve("agents/loadgen1").toString()), "--out must be new or empty");
  }

  @Test
  void liveMetricsKeepAnAutoRunInThisProcess() throws Exception {
    List<String> sets = List.of("load.phases.0.warmup.duration=1s", "load.phases.1.steady.duration=1s",
        "load.maxScheduleLag=5s", "slo.0=p99 < 10s");
    Scenario s = ScenarioParser.parse(Path.of("quickstart.yaml"), new Overrides(sets, null, null));
    RunOutcome outcome = new Runner(Clock.systemUTC(), new PrintStream(console, true, StandardCharsets.UTF_8))
        .run(s, new RunOptions(runs, List.of(), false, new RunOptions.MetricsEndpoint("127.0.0.1", 0)));
    assertEquals(ExitCodes.PASS, outcome.exitCode(), outcome.message());
    JsonNode env = JSON.readTree(outcome.runDir().resolve("run.json").toFile()).path("environment");
    assertEquals("loopback", env.path("kind").asText());
    assertTrue(env.path("fallback").toString().contains("--metrics-port"), env.toString());
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("metrics: http://127.0.0.1:"), "served");
  }

  private static List<String> names(JsonNode nodes) {
    List<String> names = new ArrayList<>();
    nodes.forEach(n -> names.add(n.path("name").asText()));
    return names;
  }
}
