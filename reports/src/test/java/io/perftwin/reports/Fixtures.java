package io.perftwin.reports;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.IntervalPoint;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import io.perftwin.loadgen.results.RunManifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Synthetic runs with fixed values: no clock, no randomness. */
final class Fixtures {
  private Fixtures() {}

  static final long MS = 1_000_000L;
  static final long US = 1_000L;
  static final Instant START = Instant.parse("2026-11-22T10:15:00Z");
  static final Instant END = Instant.parse("2026-11-22T10:15:30.250Z");

  static Histogram histogram(long count, long valueNanos) {
    Histogram h = Histograms.create();
    h.recordValueWithCount(valueNanos, count);
    return h;
  }

  static Histogram empty() {
    return Histograms.create();
  }

  static RequestStats stats(Histogram responseTime) {
    return new RequestStats(responseTime, responseTime.copy(), Map.of());
  }

  static RequestStats stats(Histogram responseTime, Map<ErrorKind, Long> errors) {
    return new RequestStats(responseTime, responseTime.copy(), errors);
  }

  static MeasuredRun run(Map<String, RequestStats> requests, double measuredSeconds, List<String> invalidReasons) {
    return new MeasuredRun(START, END, measuredSeconds, 500, requests, histogram(100, 50 * US), List.of(), invalidReasons);
  }

  /** "home": 9,000 requests spread 1–4 ms plus 9 at 40 ms; "checkout": 3,000 spread 2–7 ms plus 3 at 150 ms, 2 errors. */
  static Map<String, RequestStats> quickstartRequests() {
    Histogram home = Histograms.create();
    Histogram homeService = Histograms.create();
    for (int i = 0; i < 9_000; i++) {
      long v = 1 * MS + (i % 1_000) * 3 * US;
      home.recordValue(v);
      homeService.recordValue(v - 200 * US);
    }
    home.recordValueWithCount(40 * MS, 9);
    homeService.recordValueWithCount(38 * MS, 9);
    Histogram checkout = Histograms.create();
    Histogram checkoutService = Histograms.create();
    for (int i = 0; i < 3_000; i++) {
      long v = 2 * MS + (i % 500) * 10 * US;
      checkout.recordValue(v);
      checkoutService.recordValue(v - 300 * US);
    }
    checkout.recordValueWithCount(150 * MS, 3);
    checkoutService.recordValueWithCount(149 * MS, 3);
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    requests.put("home", new RequestStats(home, homeService, Map.of()));
    requests.put("checkout", new RequestStats(checkout, checkoutService, Map.of(ErrorKind.STATUS, 2L)));
    return requests;
  }

  static MeasuredRun quickstartRun(List<String> invalidReasons, Map<String, RequestStats> extra) {
    Map<String, RequestStats> requests = quickstartRequests();
    requests.putAll(extra);
    Histogram lag = Histograms.create();
    for (int i = 0; i < 12_012; i++) {
      lag.recordValue(50 * US + (i % 100) * 2 * US);
    }
    List<IntervalPoint> timeline = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      boolean quiet = s == 12;
      timeline.add(new IntervalPoint(s, s + 1, quiet ? 0 : 500, quiet ? 0 : s % 7 == 0 ? 1 : 0,
          quiet ? Double.NaN : 2.0 + (s % 5) * 0.1, quiet ? Double.NaN : 6.0 + (s % 3),
          quiet ? Double.NaN : 40.0 + s));
    }
    return new MeasuredRun(START, END, 24.0, 500.0, requests, lag, timeline, invalidReasons);
  }

  static final List<Slo> QUICKSTART_SLOS = List.of(
      new Slo("p99 < 50ms", null, Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 50),
      new Slo("checkout.p99.9 < 200ms", "checkout", Slo.Metric.PERCENTILE, 99.9, Slo.Comparison.LT, 200),
      new Slo("errors < 0.1%", null, Slo.Metric.ERRORS, Double.NaN, Slo.Comparison.LT, 0.001),
      new Slo("throughput >= 495/s", null, Slo.Metric.THROUGHPUT, Double.NaN, Slo.Comparison.GE, 495),
      new Slo("mean < 5ms", null, Slo.Metric.MEAN, Double.NaN, Slo.Comparison.LT, 5),
      new Slo("max <= 1s", null, Slo.Metric.MAX, Double.NaN, Slo.Comparison.LE, 1000));

  /** Objectives that the quickstart run misses (all of them), one on a request that never completed. */
  static final List<Slo> FAILING_SLOS = List.of(
      new Slo("p99 < 5ms", null, Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 5),
      new Slo("home.p50 <= 1ms", "home", Slo.Metric.PERCENTILE, 50, Slo.Comparison.LE, 1),
      new Slo("login.p99 < 1ms", "login", Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 1),
      new Slo("errors < 0.01%", null, Slo.Metric.ERRORS, Double.NaN, Slo.Comparison.LT, 0.0001),
      new Slo("throughput > 600/s & \"more\"", null, Slo.Metric.THROUGHPUT, Double.NaN, Slo.Comparison.GT, 600));

  static final List<String> INVALID_REASONS = List.of(
      "generator fell behind: schedule lag p99 12.50 ms > 10 ms (load.maxScheduleLag); the offered rate was not held",
      "interrupted: <Ctrl-C> & 'quit' | \"stop\"\nsecond line");

  static RunManifest manifest(String scenario) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("target", Map.of("service", "demo"));
    settings.put("load", Map.of("engine", "vertx", "connections", 64));
    Map<String, Object> environment = new LinkedHashMap<>();
    environment.put("kind", "local-netns");
    environment.put("nodes", List.of("loadgen", "target"));
    Map<String, Object> shaping = new LinkedHashMap<>();
    shaping.put("delay", "netem 20ms");
    shaping.put("notApplied", List.of());
    return new RunManifest("20261122T101500Z-" + scenario, scenario, "scenarios/" + scenario + ".yaml",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", settings, List.of("--rate=500/s"), 42L,
        "0.1.0-SNAPSHOT", "Debian 17.0.15", "build-host", "2026-11-22T10:15:00Z", "2026-11-22T10:15:30.250Z", "vertx",
        environment, shaping,
        List.of(new RunManifest.PhaseWindow("warmup", 0, 5, true, "constantRate 200/s"),
            new RunManifest.PhaseWindow("steady", 5, 29, false, "constantRate 500/s")),
        "completed");
  }
}
