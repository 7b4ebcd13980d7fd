package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.results.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
  @TempDir Path runs;

  /** A run folder with run.json and a summary.json holding just the figures history reads. */
  static Path fakeRun(Path runs, String id, String scenario, String start, String outcome, String verdict, double p99)
      throws IOException {
    Path dir = Files.createDirectories(runs.resolve(id));
    ResultsJson.write(dir.resolve("run.json"), SyntheticRuns.manifest(id, scenario, 0, 10, outcome).withStart(start));
    if (verdict != null) {
      Map<String, Object> latency = new LinkedHashMap<>();
      latency.put("p50", p99 / 3);
      latency.put("p99", p99);
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("count", 1000);
      all.put("errors", 1);
      all.put("throughput", 99.9);
      all.put("latencyMs", latency);
      ResultsJson.write(dir.resolve("summary.json"), Map.of("verdict", verdict, "requests", Map.of("all", all)));
    }
    return dir;
  }

  @Test
  void listsRunsOfAScenarioOldestFirstAndKeepsAnIndex() throws IOException {
    fakeRun(runs, "b", "quickstart", "2026-11-22T11:00:00Z", "completed", "pass", 7);
    fakeRun(runs, "a", "quickstart", "2026-11-22T10:00:00Z", "completed", "fail", 6);
    fakeRun(runs, "c", "other", "2026-11-22T12:00:00Z", "completed", "pass", 1);
    Files.createDirectories(runs.resolve("not-a-run"));
    List<HistoryEntry> h = RunHistory.of(runs, "quickstart");
    assertEquals(List.of("a", "b"), h.stream().map(HistoryEntry::runId).toList());
    assertEquals(7.0, h.get(1).metric("p99"));
    assertEquals(0.001, h.get(0).metric("errorRatio"), 1e-12);
    assertTrue(Files.exists(runs.resolve(RunHistory.INDEX_FILE)));
  }

  @Test
  void aStaleIndexIsRebuiltFromTheFolders() throws IOException {
    fakeRun(runs, "a", "quickstart", "2026-11-22T10:00:00Z", "completed", "pass", 6);
    assertEquals(1, RunHistory.of(runs, "quickstart").size());
    fakeRun(runs, "b", "quickstart", "2026-11-22T11:00:00Z", "completed", "pass", 7);
    assertEquals(2, RunHistory.of(runs, "quickstart").size(), "a new folder is picked up");
    Path a = runs.resolve("a");
    Files.writeString(a.resolve("summary.json"), "{\"verdict\": \"fail\", \"requests\": {\"all\": {\"latencyMs\": {\"p99\": 60.5}}}}");
    Files.setLastModifiedTime(a.resolve("summary.json"), java.nio.file.attribute.FileTime.fromMillis(1_000));
    List<HistoryEntry> h = RunHistory.of(runs, "quickstart");
    assertEquals("fail", h.get(0).verdict(), "a changed summary is re-read");
    assertEquals(60.5, h.get(0).metric("p99"));
    try (var s = Files.walk(runs.resolve("b"))) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertEquals(1, RunHistory.of(runs, "quickstart").size(), "a deleted folder is dropped");
    Files.writeString(runs.resolve(RunHistory.INDEX_FILE), "{ damaged");
    assertEquals(1, RunHistory.of(runs, "quickstart").size(), "a damaged index is rebuilt");
  }

  @Test
  void latestIsTheNewestCompletedRunWithAVerdictToCompareWith() throws IOException {
    fakeRun(runs, "a", "quickstart", "2026-11-22T10:00:00Z", "completed", "pass", 6);
    fakeRun(runs, "b", "quickstart", "2026-11-22T11:00:00Z", "completed", "fail", 6);
    fakeRun(runs, "c", "quickstart", "2026-11-22T12:00:00Z", "interrupted", "invalid", 6);
    fakeRun(runs, "d", "quickstart", "2026-11-22T13:00:00Z", "completed", "invalid", 6);
    fakeRun(runs, "e", "other", "2026-11-22T14:00:00Z", "completed", "pass", 6);
    assertEquals(runs.resolve("b"), RunHistory.latestCompleted(runs, "quickstart").orElseThrow());
    assertTrue(RunHistory.latestCompleted(runs, "nothing").isEmpty());
    assertTrue(RunHistory.latestCompleted(runs.resolve("absent"), "quickstart").isEmpty());
  }
}
