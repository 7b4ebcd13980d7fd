package io.perftwin.reports.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityReportTest {
  @TempDir Path dir;

  static CapacityStudy study(SearchResult search, Sweep sweep, ScaleOut scaleOut) {
    return new CapacityStudy("demo", "20261122T040000Z-demo-capacity", Instant.parse("2026-11-22T04:00:00Z"),
        Instant.parse("2026-11-22T04:02:30Z"), new SearchSettings(100, 4000, 400, 0.02), 2, 5,
        Map.of("kind", "loopback"), 2000, search, sweep, scaleOut);
  }

  @Test
  void writesJsonHtmlAndChartsForAFullStudy() throws Exception {
    CapacitySearchTest.KnownTarget target = new CapacitySearchTest.KnownTarget(2000, 1e9);
    SearchResult search = CapacitySearch.run(new SearchSettings(100, 4000, 400, 0.02), target);
    List<Trial> users = new ArrayList<>();
    UslModel usl = new UslModel(0.03, 0.001, 500);
    for (int n : new int[] {1, 2, 4, 8, 16, 32}) {
      double x = usl.throughput(n);
      users.add(new Trial(n, x, x, x, 1, 2, 1, 0, 0, true, TrialOutcome.PASS, List.of(), List.of()));
    }
    Sweep sweep = Sweep.analyse(Sweep.Mode.USERS, users);
    List<SearchResult> perReplica = new ArrayList<>();
    for (int r : new int[] {1, 2, 4}) {
      perReplica.add(CapacitySearch.run(new SearchSettings(100, 20000, 400, 0.01),
          new CapacitySearchTest.KnownTarget(2000 * r * (1 - 0.02 * (r - 1)), 1e9)));
    }
    ScaleOut scaleOut = ScaleOut.analyse(List.of(1, 2, 4), perReplica, List.of(8, 16));
    CapacityStudy s = study(search, sweep, scaleOut);
    CapacityReport.write(dir, s, TrialJudgeTest.P99_50MS);

    JsonNode json = new ObjectMapper().readTree(dir.resolve(CapacityReport.CAPACITY_JSON).toFile());
    assertEquals("found", json.get("verdict").asText());
    assertEquals(search.capacity(), json.at("/search/capacity").asDouble(), 1e-3);
    assertEquals(search.lastPass().level(), json.at("/search/lastPass/level").asDouble(), 1e-3);
    assertEquals(search.trials().size(), json.at("/search/trials").size());
    assertEquals(0.03, json.at("/sweep/usl/sigma").asDouble(), 1e-4);
    assertEquals(2, json.at("/scaleOut/predictions").size());
    assertEquals(8, json.at("/scaleOut/predictions/0/replicas").asInt());
    for (String png : List.of(CapacityReport.LATENCY_PNG, CapacityReport.THROUGHPUT_PNG, CapacityReport.REPLICAS_PNG)) {
      byte[] b = Files.readAllBytes(dir.resolve(png));
      assertEquals((byte) 0x89, b[0], png + " is a PNG");
    }
    String html = Files.readString(dir.resolve(CapacityReport.CAPACITY_HTML));
    assertTrue(html.contains("capacity: " + String.format(java.util.Locale.ROOT, "%.1f/s", search.capacity())));
    assertTrue(html.contains("<h2>Scale-out</h2>"));
    assertEquals(3, html.split("data:image/png;base64,", -1).length - 1, "three inlined charts");
    try (var files = Files.list(dir)) {
      assertFalse(files.anyMatch(p -> p.toString().endsWith(".tmp")));
    }
  }

  @Test
  void generatorBoundStudyHasNoCapacityFigure() throws Exception {
    SearchResult r = CapacitySearch.run(new SearchSettings(100, 4000, 400, 0.02),
        new CapacitySearchTest.KnownTarget(3000, 900));
    CapacityReport.write(dir, study(r, null, null), TrialJudgeTest.P99_50MS);
    JsonNode json = new ObjectMapper().readTree(dir.resolve(CapacityReport.CAPACITY_JSON).toFile());
    assertEquals("generator-bound", json.get("verdict").asText());
    assertTrue(json.at("/search/capacity").isNull());
    assertTrue(CapacityReport.headline(study(r, null, null)).startsWith("generator-bound"));
  }
}
