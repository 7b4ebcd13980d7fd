package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objectives per time window, evaluated on the windows of the latency log. */
class SloWindowsTest {
  @TempDir Path dir;

  static Slo windowed(String text, Slo base, double seconds, double share) {
    return base.inWindows(text, new Slo.Window(seconds, share));
  }

  static final Slo P99_20MS = new Slo("p99 < 20ms", null, Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 20);

  /** 20 measured seconds at 200/s; seconds 10–14 (the third 5 s window) are ten times slower. */
  private RunSummary run(List<Slo> slos) throws IOException {
    int perInterval = 200;
    long warmupSamples = 2 * (perInterval / 10);
    SyntheticRuns.Latency latency = SyntheticRuns.slowDuring(SyntheticRuns.logNormal(3, 0.3),
        SyntheticRuns.logNormal(30, 0.3), warmupSamples + 10L * perInterval, warmupSamples + 15L * perInterval);
    SyntheticRuns.writeRun(dir, "quickstart", Map.of("home", latency), 20, perInterval, 5, slos);
    return RunReport.rewrite(RunFolder.read(dir), slos, null);
  }

  @Test
  void theShareOfWindowsThatMeetTheObjectiveDecides() throws IOException {
    List<Slo> slos = List.of(
        windowed("p99 < 20ms in 75% of 5s windows", P99_20MS, 5, 0.75),
        windowed("p99 < 20ms in 80% of 5s windows", P99_20MS, 5, 0.80),
        windowed("home.max < 1s in 100% of 5s windows",
            new Slo("home.max < 1s", "home", Slo.Metric.MAX, Double.NaN, Slo.Comparison.LT, 1000), 5, 1.0),
        windowed("throughput >= 150/s in 100% of 10s windows",
            new Slo("throughput >= 150/s", null, Slo.Metric.THROUGHPUT, Double.NaN, Slo.Comparison.GE, 150), 10, 1.0),
        windowed("p99 < 20ms in 90% of 1s windows", P99_20MS, 1, 0.90),
        P99_20MS);
    List<SloResult> r = run(slos).slos();
    assertEquals(List.of(4, 4, 4, 2, 20), r.subList(0, 5).stream().map(SloResult::windows).toList());
    assertEquals(3, r.get(0).windowsMet());
    assertEquals(0.75, r.get(0).actual());
    assertTrue(r.get(0).pass(), "3 of 4 windows meet it: 75%");
    assertFalse(r.get(1).pass(), "75% < 80%");
    assertTrue(r.get(2).pass());
    assertTrue(r.get(3).pass());
    assertEquals(15, r.get(4).windowsMet(), "the 5 slow seconds miss it");
    assertFalse(r.get(4).pass(), "15 of 20 = 75% < 90%");
    assertFalse(r.get(5).pass(), "over the whole run, p99 is in the slow quarter");
    String json = Files.readString(dir.resolve(RunReport.SUMMARY_JSON));
    assertTrue(json.contains("\"objective\" : \"p99 < 20ms in 75% of 5s windows\","), json);
    assertTrue(json.contains("\"window\" : {\n        \"seconds\" : 5.0,\n        \"limit\" : 20.0,\n"
        + "        \"limitUnit\" : \"ms\",\n        \"windows\" : 4,\n        \"met\" : 3\n      },"), json);
    assertTrue(Files.readString(dir.resolve(RunReport.SUMMARY_MD)).contains("| 75% of 4 windows (3 met) | pass |"));
  }

  @Test
  void withoutALatencyLogAWindowedObjectiveCannotBeMetAndSaysWhy(@TempDir Path empty) {
    Slo slo = windowed("p99 < 20ms in 95% of 1m windows", P99_20MS, 60, 0.95);
    RunSummary s = RunReport.write(empty, Fixtures.manifest("quickstart"), Fixtures.quickstartRun(List.of(), Map.of()),
        List.of(slo));
    assertFalse(s.slos().get(0).pass());
    assertEquals("n/a (no window with requests)", io.perftwin.reports.internal.Figures.actual(s.slos().get(0)));
  }
}
