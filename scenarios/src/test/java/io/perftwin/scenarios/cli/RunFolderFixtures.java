package io.perftwin.scenarios.cli;

import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.LatencyTags;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.loadgen.results.RunManifest;
import io.perftwin.reports.RunReport;
import io.perftwin.reports.Slo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/** Complete run folders without running load: one request name "home", log-normal latencies, seeded. */
final class RunFolderFixtures {
  private RunFolderFixtures() {}

  static final List<Slo> SLOS = List.of(new Slo("p99 < 100ms", null, Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 100));

  /** Writes {@code runs/<id>}: {@code intervals} measured seconds of {@code perSecond} requests, median {@code medianMs}. */
  static Path run(Path runs, String id, String scenario, String start, int intervals, int perSecond, double medianMs,
      long seed) throws IOException {
    Path dir = Files.createDirectories(runs.resolve(id));
    Instant t0 = Instant.parse(start);
    RunManifest manifest = new RunManifest(id, scenario, scenario + ".yaml", "00", Map.of(), List.of(), seed, "test",
        "test", "host", start, t0.plusSeconds(intervals).toString(), "vertx", Map.of(), Map.of(),
        List.of(new RunManifest.PhaseWindow("steady", 0, intervals, false, "constantRate " + perSecond + "/s")), "completed");
    ResultsJson.write(dir.resolve("run.json"), manifest);
    SplittableRandom rng = new SplittableRandom(seed);
    Histogram total = Histograms.create();
    Histogram lag = Histograms.create();
    try (LatencyLogWriter log = LatencyLogWriter.create(dir.resolve("latency.hlog"))) {
      log.start(t0.toEpochMilli(), "fixture");
      for (int i = 0; i < intervals; i++) {
        Histogram h = Histograms.create();
        for (int k = 0; k < perSecond; k++) {
          h.recordValue((long) (medianMs * 1e6 * Math.exp(0.4 * rng.nextGaussian())));
        }
        Histogram l = Histograms.create();
        l.recordValueWithCount(40_000, perSecond);
        log.write(LatencyTags.response("home", false), i, i + 1, h);
        log.write(LatencyTags.service("home", false), i, i + 1, h);
        log.write(LatencyTags.lag(false), i, i + 1, l);
        total.add(h);
        lag.add(l);
      }
    }
    MeasuredRun run = new MeasuredRun(t0, t0.plusSeconds(intervals), intervals, perSecond,
        Map.of("home", new RequestStats(total, total.copy(), Map.of())), lag, List.of(), List.of());
    RunReport.write(dir, manifest, run, SLOS);
    return dir;
  }

  /** Runs {@code twin} in process; returns exit code, stdout, stderr. */
  record Result(int code, String out, String err) {}

  static Result twin(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TwinCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }
}
