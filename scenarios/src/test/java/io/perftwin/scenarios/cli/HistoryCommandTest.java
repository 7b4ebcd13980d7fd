package io.perftwin.scenarios.cli;

import static io.perftwin.scenarios.cli.RunFolderFixtures.run;
import static io.perftwin.scenarios.cli.RunFolderFixtures.twin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
  @TempDir Path runs;

  /** 16 runs; from the 10th on, latency 12% higher. */
  private void sixteenRunsWithAStepAt10() throws IOException {
    SplittableRandom noise = new SplittableRandom(3);
    for (int i = 0; i < 16; i++) {
      double median = (i < 10 ? 5 : 5.6) * (1 + 0.01 * noise.nextGaussian());
      run(runs, String.format("20261122T%02d0000Z-quickstart", i), "quickstart", String.format("2026-11-22T%02d:00:00Z", i),
          6, 200, median, i);
    }
  }

  @Test
  void listsTheRunsAndMarksTheChangePoint() throws IOException {
    sixteenRunsWithAStepAt10();
    run(runs, "x", "other", "2026-11-23T00:00:00Z", 6, 200, 5, 99);
    RunFolderFixtures.Result r = twin("history", "--scenario", "quickstart", "--runs", runs.toString(), "--metric", "p50");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("perftwin history: quickstart, 16 runs"), r.out());
    String marked = lines.stream().filter(l -> l.contains("<-- p50 +")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
    assertTrue(marked.contains("20261122T100000Z-quickstart"), marked);
    assertTrue(r.out().contains("1 change point in p50"), r.out());
    assertTrue(r.out().contains("Method: E-divisive means"), r.out());
    assertTrue(r.out().lines().noneMatch(l -> l.contains(" x ")), "other scenarios are not listed");
  }

  @Test
  void drawsTheChart() throws IOException {
    sixteenRunsWithAStepAt10();
    Path png = runs.resolve("history.png");
    RunFolderFixtures.Result r = twin("history", "--runs", runs.toString(), "--metric", "p50", "--chart", png.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(960, ImageIO.read(png.toFile()).getWidth());
  }

  @Test
  void badInputExits2() throws IOException {
    run(runs, "a", "quickstart", "2026-11-22T10:00:00Z", 6, 200, 5, 1);
    RunFolderFixtures.Result metric = twin("history", "--runs", runs.toString(), "--metric", "p42");
    assertEquals(2, metric.code());
    assertEquals("twin history: --metric must be one of p50, p90, p99, p99.9, max, mean, throughput, errorRatio, got 'p42'",
        metric.err().strip());
    RunFolderFixtures.Result scenario = twin("history", "--runs", runs.toString(), "--scenario", "quikstart");
    assertEquals(2, scenario.code());
    assertEquals("twin history: no run of scenario 'quikstart' under " + runs + "; scenarios there: quickstart",
        scenario.err().strip());
    RunFolderFixtures.Result folder = twin("history", "--runs", runs.resolve("none").toString());
    assertEquals(2, folder.code());
    assertTrue(Files.exists(runs.resolve(".perftwin-history.json")), "the index was written");
  }
}
