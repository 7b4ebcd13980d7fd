package io.perftwin.scenarios.cli;

import static io.perftwin.scenarios.cli.RunFolderFixtures.run;
import static io.perftwin.scenarios.cli.RunFolderFixtures.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path runs;

  @Test
  void aSlowerCandidateIsWorseAndExits1() throws IOException {
    Path a = run(runs, "a", "quickstart", "2026-11-22T10:00:00Z", 20, 300, 5, 1);
    Path b = run(runs, "b", "quickstart", "2026-11-22T11:00:00Z", 20, 300, 6, 2);
    RunFolderFixtures.Result r = twin("compare", a.toString(), b.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("comparison: worse (exit 1)"), r.out());
    assertTrue(r.out().contains("Method: "), "the method is printed");
    assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+all\\s+p50\\s.*worse")), r.out());
  }

  @Test
  void theSameDistributionIsSameAndExits0() throws IOException {
    Path a = run(runs, "a", "quickstart", "2026-11-22T10:00:00Z", 20, 300, 5, 1);
    Path b = run(runs, "b", "quickstart", "2026-11-22T11:00:00Z", 20, 300, 5, 2);
    RunFolderFixtures.Result r = twin("compare", a.toString(), b.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("comparison: same (exit 0)"), r.out());
  }

  @Test
  void aLargerMinimumEffectAcceptsTheSlowerRun() throws IOException {
    Path a = run(runs, "a", "quickstart", "2026-11-22T10:00:00Z", 20, 300, 5, 1);
    Path b = run(runs, "b", "quickstart", "2026-11-22T11:00:00Z", 20, 300, 5.4, 2);
    assertEquals(1, twin("compare", a.toString(), b.toString()).code());
    assertEquals(0, twin("compare", a.toString(), b.toString(), "--min-effect", "15%").code());
  }

  @Test
  void badInputExits2WithAMessage() throws IOException {
    Path a = run(runs, "a", "quickstart", "2026-11-22T10:00:00Z", 10, 200, 5, 1);
    Path other = run(runs, "o", "checkout", "2026-11-22T10:00:00Z", 10, 200, 5, 1);
    RunFolderFixtures.Result r = twin("compare", a.toString(), other.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("twin compare: the baseline " + a + " is a run of scenario 'quickstart'"), r.err());
    ReportCommandTest.assertNoStackTrace(r);

    RunFolderFixtures.Result pct = twin("compare", a.toString(), a.toString(), "--min-effect", "5");
    assertEquals(2, pct.code());
    assertEquals("twin compare: --min-effect must be a percentage such as 5%, got '5'", pct.err().strip());

    Files.writeString(other.resolve("run.json"), "not json");
    RunFolderFixtures.Result json = twin("compare", a.toString(), other.toString());
    assertEquals(2, json.code());
    assertTrue(json.err().startsWith("twin compare: " + other.resolve("run.json") + " is not valid JSON: "), json.err());
    ReportCommandTest.assertNoStackTrace(json);
  }
}
