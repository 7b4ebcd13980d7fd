package io.perftwin.reports;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.LatencyTags;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.loadgen.results.RunManifest;
import io.perftwin.reports.internal.BlockedSamples;
import io.perftwin.reports.internal.RunSamples;
import io.perftwin.reports.internal.SparseCounts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Seeded synthetic runs: log-normal response times per 1-second interval, written as real run
 * folders (run.json, latency.hlog, and the report) or kept as samples for the comparison.
 */
final class SyntheticRuns {
  private SyntheticRuns() {}

  /** How one request name's latencies are drawn. */
  interface Latency {
    long nanos(SplittableRandom rng);
  }

  /** Log-normal with this median (ms) and shape sigma. */
  static Latency logNormal(double medianMs, double sigma) {
    return rng -> (long) (medianMs * 1e6 * Math.exp(sigma * rng.nextGaussian()));
  }

  /** As {@code base}, with every value above {@code thresholdMs} multiplied by {@code factor}: a tail regression. */
  static Latency tailScaled(Latency base, double thresholdMs, double factor) {
    return rng -> {
      long v = base.nanos(rng);
      return v > thresholdMs * 1e6 ? (long) (v * factor) : v;
    };
  }

  /** {@code slow} for the samples numbered [from, to) drawn from this latency (in drawing order), {@code base} otherwise. */
  static Latency slowDuring(Latency base, Latency slow, long from, long to) {
    java.util.concurrent.atomic.AtomicLong drawn = new java.util.concurrent.atomic.AtomicLong();
    return rng -> {
      long i = drawn.getAndIncrement();
      return i >= from && i < to ? slow.nanos(rng) : base.nanos(rng);
    };
  }

  /** {@code intervals} interval histograms of {@code perInterval} samples each. */
  static List<Histogram> intervals(Latency latency, int intervals, int perInterval, SplittableRandom rng) {
    List<Histogram> out = new ArrayList<>(intervals);
    for (int i = 0; i < intervals; i++) {
      Histogram h = Histograms.create();
      for (int k = 0; k < perInterval; k++) {
        h.recordValue(Math.max(Histograms.LOWEST_DISCERNIBLE_NANOS, Math.min(Histograms.HIGHEST_TRACKABLE_NANOS,
            latency.nanos(rng))));
      }
      out.add(h);
    }
    return out;
  }

  /** One request name's intervals as comparison samples. */
  static RunSamples samples(List<Histogram> intervals) {
    BlockedSamples name = new BlockedSamples();
    BlockedSamples all = new BlockedSamples();
    for (Histogram h : intervals) {
      SparseCounts c = SparseCounts.of(h);
      name.add(c);
      all.add(c);
    }
    return new RunSamples(Map.of("home", name), all);
  }

  static RunManifest manifest(String runId, String scenario, double warmupSeconds, double measuredSeconds, String outcome) {
    List<RunManifest.PhaseWindow> phases = new ArrayList<>();
    if (warmupSeconds > 0) {
      phases.add(new RunManifest.PhaseWindow("warmup", 0, warmupSeconds, true, "constantRate 100/s"));
    }
    phases.add(new RunManifest.PhaseWindow("steady", warmupSeconds, warmupSeconds + measuredSeconds, false,
        "constantRate 1000/s"));
    return new RunManifest(runId, scenario, "scenarios/" + scenario + ".yaml", "00", Map.of(), List.of(), 7L,
        "0.1.0-SNAPSHOT", "test", "host", "2026-11-22T10:15:00Z", "2026-11-22T10:16:00Z", "vertx", Map.of(), Map.of(),
        phases, outcome);
  }

  /**
   * Writes a complete run folder: {@code names} each with {@code intervals} measured intervals of
   * {@code perInterval} requests (after 2 warm-up intervals), 1 error per 500 requests (status),
   * and the report (with the given objectives).
   */
  static MeasuredRun writeRun(Path dir, String scenario, Map<String, Latency> names, int intervals, int perInterval,
      long seed, List<Slo> slos) {
    SplittableRandom rng = new SplittableRandom(seed);
    int warmup = 2;
    RunManifest manifest = manifest(dir.getFileName().toString(), scenario, warmup, intervals, "completed");
    ResultsJson.write(dir.resolve(RunFolder.RUN_JSON), manifest);
    Map<String, Histogram> rt = new LinkedHashMap<>();
    Map<String, Histogram> st = new LinkedHashMap<>();
    Map<String, Long> errors = new LinkedHashMap<>();
    Histogram lag = Histograms.create();
    try (LatencyLogWriter log = LatencyLogWriter.create(dir.resolve(RunFolder.LATENCY_HLOG))) {
      log.start(Instant.parse(manifest.startTime()).toEpochMilli(), "synthetic run");
      for (int i = 0; i < warmup + intervals; i++) {
        boolean isWarmup = i < warmup;
        Histogram intervalLag = Histograms.create();
        for (Map.Entry<String, Latency> e : names.entrySet()) {
          String name = e.getKey();
          Histogram r = intervals(e.getValue(), 1, isWarmup ? perInterval / 10 : perInterval, rng).get(0);
          Histogram s = Histograms.create();
          Histogram err = Histograms.create();
          long k = 0;
          for (var v : r.recordedValues()) {
            s.recordValueWithCount(Math.max(1_000, v.getValueIteratedTo() * 9 / 10), v.getCountAtValueIteratedTo());
            for (long c = 0; c < v.getCountAtValueIteratedTo(); c++) {
              if (k++ % 500 == 499) {
                err.recordValue(v.getValueIteratedTo());
              }
            }
          }
          intervalLag.recordValueWithCount(50_000, r.getTotalCount());
          log.write(LatencyTags.response(name, isWarmup), i, i + 1, r);
          log.write(LatencyTags.service(name, isWarmup), i, i + 1, s);
          if (err.getTotalCount() > 0) {
            log.write(LatencyTags.errors(name, isWarmup), i, i + 1, err);
          }
          if (!isWarmup) {
            rt.computeIfAbsent(name, n -> Histograms.create()).add(r);
            st.computeIfAbsent(name, n -> Histograms.create()).add(s);
            errors.merge(name, err.getTotalCount(), Long::sum);
          }
        }
        log.write(LatencyTags.lag(isWarmup), i, i + 1, intervalLag);
        if (!isWarmup) {
          lag.add(intervalLag);
        }
      }
    }
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    rt.forEach((name, h) -> requests.put(name, new RequestStats(h, st.get(name),
        errors.get(name) == 0 ? Map.of() : Map.of(ErrorKind.STATUS, errors.get(name)))));
    MeasuredRun run = new MeasuredRun(Instant.parse(manifest.startTime()), Instant.parse(manifest.endTime()),
        intervals, perInterval * names.size(), requests, lag, List.of(), List.of());
    RunReport.write(dir, manifest, run, slos);
    return run;
  }
}
