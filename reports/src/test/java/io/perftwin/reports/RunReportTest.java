package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.results.MeasuredRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

  private static Set<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @Test
  void writesTheFourReportFilesAndLeavesTheRunnersFilesAlone(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("run.json"), "{\"runId\": \"x\"}\n");
    Files.writeString(dir.resolve("latency.hlog"), "#[StartTime: 0]\n");
    RunReport.write(dir, Fixtures.manifest("quickstart"), Fixtures.quickstartRun(List.of(), Map.of()), Fixtures.QUICKSTART_SLOS);
    assertEquals(Set.of("run.json", "latency.hlog", "summary.json", "junit.xml", "summary.md", "report.html"), files(dir),
        "no temporary file left behind, nothing else written");
    assertEquals("{\"runId\": \"x\"}\n", Files.readString(dir.resolve("run.json")));
    assertEquals("#[StartTime: 0]\n", Files.readString(dir.resolve("latency.hlog")));
  }

  @Test
  void rewritingReplacesTheFiles(@TempDir Path dir) throws IOException {
    MeasuredRun run = Fixtures.quickstartRun(List.of(), Map.of("login", Fixtures.stats(Fixtures.empty())));
    RunReport.write(dir, Fixtures.manifest("quickstart"), run, Fixtures.FAILING_SLOS);
    RunSummary second = RunReport.write(dir, Fixtures.manifest("quickstart"), run, Fixtures.QUICKSTART_SLOS);
    assertEquals(Verdict.PASS, second.verdict());
    assertEquals(4, files(dir).size());
    assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"verdict\" : \"pass\""));
  }

  @Test
  void returnsTheSummaryOfWhatItWrote(@TempDir Path dir) {
    RunSummary s = RunReport.write(dir, Fixtures.manifest("quickstart"), Fixtures.quickstartRun(List.of(), Map.of()),
        Fixtures.QUICKSTART_SLOS);
    assertEquals("quickstart", s.scenario());
    assertEquals(List.of("all", "home", "checkout"), List.copyOf(s.requests().keySet()));
    assertEquals(12_012, s.all().count());
    assertEquals(Fixtures.QUICKSTART_SLOS.size(), s.slos().size());
    assertEquals(Fixtures.START, s.startTime());
  }

  @Test
  void requestNamedAllIsRejected(@TempDir Path dir) {
    MeasuredRun run = Fixtures.run(Map.of("all", Fixtures.stats(Fixtures.histogram(10, Fixtures.MS))), 10, List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunReport.write(dir, Fixtures.manifest("quickstart"), run, List.of()));
    assertEquals("request name 'all' is reserved for all requests together", e.getMessage());
  }
}
