package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.results.MeasuredRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a run folder back: the same figures as the run, and a clear message for every kind of bad input. */
class RunFolderTest {
  @TempDir Path tmp;

  static final List<Slo> SLOS = List.of(
      new Slo("p99 < 50ms", null, Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 50),
      new Slo("errors < 1%", null, Slo.Metric.ERRORS, Double.NaN, Slo.Comparison.LT, 0.01));

  private Path run(String id) {
    Path dir = tmp.resolve(id);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, SyntheticRuns.Latency> names = new LinkedHashMap<>();
    names.put("home", SyntheticRuns.logNormal(3, 0.4));
    names.put("checkout", SyntheticRuns.logNormal(8, 0.6));
    SyntheticRuns.writeRun(dir, "quickstart", names, 20, 400, 11, SLOS);
    return dir;
  }

  @Test
  void rebuildsTheSameSummaryFromTheFolder() throws IOException {
    Path dir = run("20261122T101500Z-quickstart");
    String written = Files.readString(dir.resolve(RunReport.SUMMARY_JSON));
    RunFolder folder = RunFolder.read(dir);
    assertEquals("quickstart", folder.scenario());
    assertEquals(List.of("p99 < 50ms", "errors < 1%"), folder.objectives());
    MeasuredRun back = folder.measuredRun();
    assertEquals(List.of("home", "checkout"), List.copyOf(back.requests().keySet()));
    assertEquals(22, back.timeline().size(), "2 warm-up + 20 measured intervals");
    assertEquals(16000, back.all().count(), "20 intervals × 400 × 2 names");
    RunReport.rewrite(folder, SLOS, null);
    assertEquals(written, Files.readString(dir.resolve(RunReport.SUMMARY_JSON)), "same bytes after re-rendering");
  }

  private static String failure(Path dir) {
    return assertThrows(RunFolderException.class, () -> RunFolder.read(dir).measuredRun()).getMessage();
  }

  @Test
  void missingFolder() {
    assertEquals(tmp.resolve("nope") + " is not a run folder: no such directory", failure(tmp.resolve("nope")));
  }

  @Test
  void missingRunJson() throws IOException {
    Path dir = run("a");
    Files.delete(dir.resolve("run.json"));
    assertEquals(dir.resolve("run.json") + " is missing: " + dir + " is not a complete run folder", failure(dir));
  }

  @Test
  void missingLatencyLog() throws IOException {
    Path dir = run("a");
    Files.delete(dir.resolve("latency.hlog"));
    assertEquals(dir.resolve("latency.hlog") + " is missing: the run folder has no latency log", failure(dir));
  }

  @Test
  void missingSummaryIsNeededOnlyForTheMeasuredRun() throws IOException {
    Path dir = run("a");
    Files.delete(dir.resolve("summary.json"));
    RunFolder folder = RunFolder.read(dir); // enough for a comparison
    assertEquals(dir.resolve("summary.json") + " is missing: needed for the error causes and the validity of the run",
        assertThrows(RunFolderException.class, folder::measuredRun).getMessage());
  }

  @Test
  void unparseableRunJson() throws IOException {
    Path dir = run("a");
    Files.writeString(dir.resolve("run.json"), "{\"runId\": \"a\", ");
    String message = failure(dir);
    assertTrue(message.startsWith(dir.resolve("run.json") + " is not valid JSON: "), message);
  }

  @Test
  void emptyLatencyLog() throws IOException {
    Path dir = run("a");
    Files.write(dir.resolve("latency.hlog"), new byte[0]);
    assertEquals(dir.resolve("latency.hlog") + " is empty: it has no header and no intervals", failure(dir));
  }

  @Test
  void truncatedLatencyLog() throws IOException {
    Path dir = run("a");
    byte[] log = Files.readAllBytes(dir.resolve("latency.hlog"));
    int cut = log.length * 2 / 3;
    while (log[cut - 1] == '\n' || log[cut - 2] == '\n') {
      cut--; // cut inside a line
    }
    Files.write(dir.resolve("latency.hlog"), Arrays.copyOf(log, cut));
    String message = failure(dir);
    assertTrue(message.startsWith(dir.resolve("latency.hlog") + " is truncated: its last line ("), message);
    assertTrue(message.endsWith(") is cut short and has no line end"), message);
  }

  @Test
  void corruptLatencyLog() throws IOException {
    Path dir = run("a");
    List<String> lines = Files.readAllLines(dir.resolve("latency.hlog"), StandardCharsets.UTF_8);
    int last = lines.size() - 5;
    lines.set(last, lines.get(last).replaceFirst(",[^,]*$", ",HISTFAAAAnotbase64!!"));
    Files.write(dir.resolve("latency.hlog"), lines, StandardCharsets.UTF_8);
    String message = failure(dir);
    assertTrue(message.startsWith(dir.resolve("latency.hlog") + " is corrupt or truncated: line "), message);
  }

  @Test
  void garbageLineInLatencyLog() throws IOException {
    Path dir = run("a");
    Files.writeString(dir.resolve("latency.hlog"), "#[StartTime: 1.0 (seconds since epoch)]\nthis is not a log\n");
    String message = failure(dir);
    assertTrue(message.startsWith(dir.resolve("latency.hlog") + " is corrupt or truncated: line 2: expected start,length,max,histogram but found 1 fields"), message);
  }

  @Test
  void readingAPairReportsTheBaselinesProblemFirst() throws IOException {
    Path a = run("a");
    Path b = run("b");
    RunFolder[] pair = RunFolder.readPair(a, b);
    assertEquals(a, pair[0].dir());
    assertEquals(b, pair[1].dir());
    Files.delete(a.resolve("run.json"));
    Files.delete(b.resolve("latency.hlog"));
    assertEquals(a.resolve("run.json") + " is missing: " + a + " is not a complete run folder",
        assertThrows(RunFolderException.class, () -> RunFolder.readPair(a, b)).getMessage());
    assertEquals(b.resolve("latency.hlog") + " is missing: the run folder has no latency log",
        assertThrows(RunFolderException.class, () -> RunFolder.readPair(b, b)).getMessage());
  }
}
