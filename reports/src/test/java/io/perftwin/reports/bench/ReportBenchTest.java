package io.perftwin.reports.bench;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.LatencyTags;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.loadgen.results.RunManifest;
import io.perftwin.reports.BaselineComparison;
import io.perftwin.reports.ChangePointSettings;
import io.perftwin.reports.ChangePoints;
import io.perftwin.reports.ComparisonSettings;
import io.perftwin.reports.HistoryEntry;
import io.perftwin.reports.HistorySummary;
import io.perftwin.reports.RunFolder;
import io.perftwin.reports.RunHistory;
import io.perftwin.reports.RunReport;
import io.perftwin.reports.Slo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmarks of the reporter, not tests: excluded from the build, run with
 * {@code mvn -B -q -o -pl reports test -Dgroups=bench}. Each prints its figures (best and median
 * of 5 after a warm-up round); docs/benchmarks.md records them. Targets: the report of a 1-hour run
 * at 10,000 req/s in under 5 s; {@code twin history} over 1,000 runs in under 2 s.
 */
@Tag("bench")
class ReportBenchTest {
  static final int SECONDS = 3600;
  static final int RATE = 10_000;
  static final int ROUNDS = 5;

  @TempDir Path tmp;

  interface Action {
    void run() throws Exception;
  }

  private static String time(String what, Action action) throws Exception {
    action.run(); // warm-up
    long[] ms = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long t0 = System.nanoTime();
      action.run();
      ms[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    java.util.Arrays.sort(ms);
    String line = String.format(Locale.ROOT, "BENCH %-60s best %6d ms  median %6d ms", what, ms[0], ms[ROUNDS / 2]);
    System.out.println(line);
    return line;
  }

  /**
   * A 1-hour run at 10,000 req/s: 3,600 intervals, "home" 7,500/s and "checkout" 2,500/s,
   * log-normal latencies (a fixed pool of distinct values per interval, as a real service spreads
   * over ~1,000 histogram buckets), 0.1% errors; run.json, latency.hlog and summary.json.
   */
  static Path oneHourRun(Path dir, long seed, double scale) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom rng = new SplittableRandom(seed);
    Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    RunManifest manifest = new RunManifest(dir.getFileName().toString(), "soak", "soak.yaml", "00", Map.of(), List.of(),
        seed, "bench", "bench", "host", t0.toString(), t0.plusSeconds(SECONDS).toString(), "vertx", Map.of(), Map.of(),
        List.of(new RunManifest.PhaseWindow("steady", 0, SECONDS, false, "constantRate 10000/s")), "completed");
    ResultsJson.write(dir.resolve(RunFolder.RUN_JSON), manifest);
    Map<String, Integer> names = new LinkedHashMap<>();
    names.put("home", 7_500);
    names.put("checkout", 2_500);
    Map<String, Histogram> totals = new LinkedHashMap<>();
    Map<String, Long> errors = new LinkedHashMap<>();
    Histogram lag = Histograms.create();
    try (LatencyLogWriter log = LatencyLogWriter.create(dir.resolve(RunFolder.LATENCY_HLOG))) {
      log.start(t0.toEpochMilli(), "bench");
      for (int s = 0; s < SECONDS; s++) {
        for (Map.Entry<String, Integer> e : names.entrySet()) {
          Histogram h = Histograms.create();
          for (int k = 0; k < e.getValue(); k++) {
            h.recordValue((long) (scale * 3e6 * Math.exp(0.5 * rng.nextGaussian())));
          }
          Histogram err = Histograms.create();
          err.recordValueWithCount(10_000_000, e.getValue() / 1000);
          log.write(LatencyTags.response(e.getKey(), false), s, s + 1, h);
          log.write(LatencyTags.service(e.getKey(), false), s, s + 1, h);
          log.write(LatencyTags.errors(e.getKey(), false), s, s + 1, err);
          totals.computeIfAbsent(e.getKey(), n -> Histograms.create()).add(h);
          errors.merge(e.getKey(), err.getTotalCount(), Long::sum);
        }
        Histogram l = Histograms.create();
        l.recordValueWithCount(50_000, RATE);
        log.write(LatencyTags.lag(false), s, s + 1, l);
        lag.add(l);
      }
    }
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    totals.forEach((n, h) -> requests.put(n, new RequestStats(h, h.copy(), Map.of(ErrorKind.STATUS, errors.get(n)))));
    RunReport.write(dir, manifest, new MeasuredRun(t0, t0.plusSeconds(SECONDS), SECONDS, RATE, requests, lag, List.of(),
        List.of()), SLOS);
    return dir;
  }

  static final List<Slo> SLOS = List.of(new Slo("p99 < 50ms", null, Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 50),
      new Slo("errors < 1%", null, Slo.Metric.ERRORS, Double.NaN, Slo.Comparison.LT, 0.01));

  @Test
  void reportOfAOneHourRunAt10000PerSecond() throws Exception {
    Path candidate = oneHourRun(tmp.resolve("candidate"), 1, 1.0);
    Path baseline = oneHourRun(tmp.resolve("baseline"), 2, 1.0);
    System.out.printf(Locale.ROOT, "BENCH latency.hlog of the 1-hour run: %.1f MB%n",
        Files.size(candidate.resolve(RunFolder.LATENCY_HLOG)) / 1e6);
    time("twin report (read folder, re-render 4 files), 1 h at 10,000/s", () -> {
      RunFolder f = RunFolder.read(candidate);
      RunReport.rewrite(f, SLOS, null);
    });
    time("twin report --baseline (both folders, comparison, 4 files)", () -> {
      RunFolder[] pair = RunFolder.readPair(baseline, candidate);
      RunReport.rewrite(pair[1], SLOS, BaselineComparison.compare(pair[0], pair[1], ComparisonSettings.DEFAULT));
    });
    time("twin compare (both folders, comparison only)", () -> {
      RunFolder[] pair = RunFolder.readPair(baseline, candidate);
      BaselineComparison.compare(pair[0], pair[1], ComparisonSettings.DEFAULT);
    });
  }

  @Test
  void historyOverAThousandRuns() throws Exception {
    Path runs = tmp.resolve("runs");
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 1000; i++) {
      String id = String.format(Locale.ROOT, "2026%04dT000000Z-soak", i);
      Path dir = Files.createDirectories(runs.resolve(id));
      Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i);
      ResultsJson.write(dir.resolve("run.json"), new RunManifest(id, "soak", "soak.yaml", "00", Map.of("load", Map.of()),
          List.of(), i, "bench", "bench", "host", start.toString(), start.plusSeconds(60).toString(), "vertx", Map.of(),
          Map.of(), List.of(new RunManifest.PhaseWindow("steady", 0, 60, false, "constantRate 500/s")), "completed"));
      double p99 = (i < 700 ? 20 : 21.6) * (1 + 0.02 * rng.nextGaussian());
      Map<String, Object> latency = new LinkedHashMap<>();
      for (String k : List.of("p50", "p90", "p99", "p99.9", "max", "mean")) {
        latency.put(k, p99 * (k.equals("p50") ? 0.3 : 1));
      }
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("count", 30000);
      all.put("errors", 3);
      all.put("throughput", 499.9);
      all.put("latencyMs", latency);
      ResultsJson.write(dir.resolve("summary.json"), Map.of("scenario", "soak", "verdict", "pass",
          "requests", Map.of("all", all)));
    }
    Action history = () -> {
      List<HistoryEntry> h = RunHistory.of(runs, "soak");
      double[] series = HistorySummary.series(h, "p99");
      HistorySummary.render("soak", h, "p99", ChangePoints.detect(series, ChangePointSettings.DEFAULT),
          ChangePointSettings.DEFAULT, 0);
    };
    time("twin history over 1,000 runs, index fresh", history);
    time("twin history over 1,000 runs, index rebuilt (deleted first)", () -> {
      Files.deleteIfExists(runs.resolve(RunHistory.INDEX_FILE));
      history.run();
    });
    List<HistoryEntry> h = RunHistory.of(runs, "soak");
    System.out.println("BENCH change points found: " + ChangePoints.detect(HistorySummary.series(h, "p99"),
        ChangePointSettings.DEFAULT));
  }
}
