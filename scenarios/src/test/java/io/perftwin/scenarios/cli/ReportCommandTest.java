package io.perftwin.scenarios.cli;

import static io.perftwin.scenarios.cli.RunFolderFixtures.run;
import static io.perftwin.scenarios.cli.RunFolderFixtures.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path runs;

  static void assertNoStackTrace(RunFolderFixtures.Result r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
  }

  @Test
  void reRendersTheFourFilesFromTheFolder() throws IOException {
    Path dir = run(runs, "20261122T100000Z-quickstart", "quickstart", "2026-11-22T10:00:00Z", 10, 200, 5, 1);
    String summary = Files.readString(dir.resolve("summary.json"));
    Files.delete(dir.resolve("report.html"));
    Files.delete(dir.resolve("junit.xml"));
    RunFolderFixtures.Result r = twin("report", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("verdict: PASS (exit 0)"), r.out());
    assertEquals(summary, Files.readString(dir.resolve("summary.json")), "the same figures as the run");
    assertTrue(Files.size(dir.resolve("report.html")) > 10_000);
    assertTrue(Files.exists(dir.resolve("junit.xml")));
  }

  @Test
  void withABaselineTheReportHasAComparisonAndARegressionFailsTheGate() throws IOException {
    Path base = run(runs, "a", "quickstart", "2026-11-22T10:00:00Z", 20, 300, 5, 1);
    Path slower = run(runs, "b", "quickstart", "2026-11-22T11:00:00Z", 20, 300, 6, 2);
    RunFolderFixtures.Result r = twin("report", slower.toString(), "--baseline", base.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    String summary = Files.readString(slower.resolve("summary.json"));
    assertTrue(summary.contains("\"comparison\" : {") && summary.contains("\"baseline\" : \"a\""), summary);
    assertTrue(Files.readString(slower.resolve("report.html")).contains("Compared with the baseline"));
    assertTrue(r.out().contains("baseline a: worse"), r.out());
  }

  @Test
  void aBaselineOfAnotherScenarioIsBadInputAndNothingIsWritten() throws IOException {
    Path base = run(runs, "a", "other", "2026-11-22T10:00:00Z", 10, 200, 5, 1);
    Path dir = run(runs, "b", "quickstart", "2026-11-22T11:00:00Z", 10, 200, 5, 2);
    byte[] before = Files.readAllBytes(dir.resolve("summary.json"));
    RunFolderFixtures.Result r = twin("report", dir.toString(), "--baseline", base.toString());
    assertEquals(2, r.code());
    assertEquals("twin report: the baseline " + base + " is a run of scenario 'other', the candidate " + dir
        + " of 'quickstart': only runs of the same scenario can be compared", r.err().strip());
    assertNoStackTrace(r);
    assertTrue(Arrays.equals(before, Files.readAllBytes(dir.resolve("summary.json"))), "nothing written");
  }

  @Test
  void aTruncatedLatencyLogIsBadInput() throws IOException {
    Path dir = run(runs, "a", "quickstart", "2026-11-22T10:00:00Z", 10, 200, 5, 1);
    byte[] log = Files.readAllBytes(dir.resolve("latency.hlog"));
    Files.write(dir.resolve("latency.hlog"), Arrays.copyOf(log, log.length - 40));
    RunFolderFixtures.Result r = twin("report", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("twin report: " + dir.resolve("latency.hlog") + " is truncated: its last line ("), r.err());
    assertNoStackTrace(r);
  }

  @Test
  void aFolderMissingFilesIsBadInput() throws IOException {
    Path dir = run(runs, "a", "quickstart", "2026-11-22T10:00:00Z", 10, 200, 5, 1);
    Files.delete(dir.resolve("run.json"));
    RunFolderFixtures.Result r = twin("report", dir.toString());
    assertEquals(2, r.code());
    assertEquals("twin report: " + dir.resolve("run.json") + " is missing: " + dir + " is not a complete run folder",
        r.err().strip());
    RunFolderFixtures.Result none = twin("report", runs.resolve("nothing").toString());
    assertEquals(2, none.code());
    assertEquals("twin report: " + runs.resolve("nothing") + " is not a run folder: no such directory", none.err().strip());
  }
}
