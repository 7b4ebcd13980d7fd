package io.perftwin.scenarios.cli;

import static io.perftwin.scenarios.cli.RunFolderFixtures.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin run --baseline}: checked before anything runs; compared after the run. */
class RunBaselineTest {
  @TempDir Path runs;

  private List<Path> runFolders() throws IOException {
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void aMissingBaselineIsBadInputAndNothingRuns() throws IOException {
    RunFolderFixtures.Result r = twin("run", "quickstart.yaml", "--out", runs.toString(), "--baseline",
        runs.resolve("nope").toString());
    assertEquals(2, r.code());
    assertEquals("twin run: --baseline: " + runs.resolve("nope") + " is not a run folder: no such directory", r.err().strip());
    assertEquals(List.of(), runFolders(), "nothing run, nothing written");
  }

  @Test
  void aBaselineOfAnotherScenarioIsBadInputAndNothingRuns() throws IOException {
    Path other = RunFolderFixtures.run(runs, "o", "checkout", "2026-11-22T10:00:00Z", 6, 200, 5, 1);
    RunFolderFixtures.Result r = twin("run", "quickstart.yaml", "--out", runs.toString(), "--baseline", other.toString());
    assertEquals(2, r.code());
    assertEquals("twin run: --baseline: " + other + " is a run of scenario 'checkout', not 'quickstart': "
        + "only runs of the same scenario can be compared", r.err().strip());
    ReportCommandTest.assertNoStackTrace(r);
    assertEquals(List.of(other), runFolders(), "no new run folder");
  }

  @Tag("slow")
  @Test
  void latestComparesWithTheNewestCompletedRun() throws IOException {
    // A 1-2 s warm-up right after JVM start leaves the JIT cold: on a loaded 2-core machine the
    // schedule lag can pass the 10 ms default and make the run invalid (exit 3). This test is about
    // SLOs and reporting, not the generator's validity (tested in loadgen), so the limit is relaxed.
    String[] run = {"run", "quickstart.yaml", "--out", runs.toString(), "--duration", "3s",
        "--set", "load.phases.0.warmup.duration=1s", "--set", "load.maxScheduleLag=1s", "--baseline", "latest"};
    RunFolderFixtures.Result first = twin(run);
    assertEquals(0, first.code(), first.err());
    assertTrue(first.err().contains("--baseline latest: no completed run of scenario 'quickstart' under " + runs
        + " yet; this run is not compared"), first.err());
    Path firstRun = runFolders().get(0);
    RunFolderFixtures.Result second = twin(run);
    assertEquals(0, second.code(), "600 requests: every metric unknown, the gate does not fail: " + second.err());
    List<Path> folders = runFolders();
    assertEquals(2, folders.size());
    Path secondRun = folders.stream().filter(p -> !p.equals(firstRun)).findFirst().orElseThrow();
    JsonNode comparison = new ObjectMapper().readTree(secondRun.resolve("summary.json").toFile()).get("comparison");
    assertEquals(firstRun.getFileName().toString(), comparison.get("baseline").asText());
    assertEquals("unknown", comparison.get("verdict").asText());
    assertTrue(comparison.get("metrics").get(0).get("reason").asText().startsWith("too few samples"));
  }
}
