package io.perftwin.reports;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.PhaseResult;
import io.perftwin.loadgen.results.RequestStats;
import io.perftwin.loadgen.results.RunManifest;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * The verdict and figures of a run: what {@code summary.json} holds (see docs/results-format.md).
 * Values are kept unrounded here; the writers round them.
 *
 * @param scenario scenario name
 * @param runId run folder name
 * @param verdict the verdict
 * @param startTime wall-clock start of the first phase
 * @param endTime wall-clock end of the run
 * @param measuredSeconds planned length of the measured phases
 * @param requests {@value SloEvaluator#ALL} first, then each request name in run order
 * @param slos the objectives' results, in scenario order
 * @param generator how well the load generator held the offered load
 * @param comparison the comparison with a baseline run, or {@code null} without a baseline
 * @param phases every phase of the run, warm-up included, as the engine measured it; empty when
 *     the run was read back from its folder (the latency log merges measured phases)
 */
public record RunSummary(
    String scenario,
    String runId,
    Verdict verdict,
    Instant startTime,
    Instant endTime,
    double measuredSeconds,
    Map<String, RequestFigures> requests,
    List<SloResult> slos,
    Generator generator,
    BaselineComparison comparison,
    List<PhaseFigures> phases) {

  public RunSummary {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(generator, "generator");
    requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
    slos = List.copyOf(slos);
    phases = List.copyOf(phases);
  }

  /**
   * Summarizes a run whose objectives are already evaluated.
   *
   * @throws IllegalArgumentException if a request is named {@value SloEvaluator#ALL}, which is reserved
   */
  public static RunSummary of(RunManifest manifest, MeasuredRun run, List<SloResult> sloResults) {
    return of(manifest, run, sloResults, null);
  }

  /**
   * Summarizes a run whose objectives are evaluated and which was compared with a baseline
   * ({@code comparison} may be null).
   */
  public static RunSummary of(RunManifest manifest, MeasuredRun run, List<SloResult> sloResults,
      BaselineComparison comparison) {
    if (run.requests().containsKey(SloEvaluator.ALL)) {
      throw new IllegalArgumentException("request name '" + SloEvaluator.ALL + "' is reserved for all requests together");
    }
    Map<String, RequestFigures> requests = new LinkedHashMap<>();
    requests.put(SloEvaluator.ALL, RequestFigures.of(run, run.all()));
    run.requests().forEach((name, stats) -> requests.put(name, RequestFigures.of(run, stats)));
    Generator generator = new Generator(run.offeredRate(), LatencyMillis.of(run.scheduleLag()),
        run.valid(), run.invalidReasons());
    return new RunSummary(manifest.scenario(), manifest.runId(), Verdict.of(run.valid(), sloResults, comparison),
        run.start(), run.end(), run.measuredSeconds(), requests, sloResults, generator, comparison,
        run.phases().stream().map(PhaseFigures::of).toList());
  }

  /**
   * What one phase measured, all request names together.
   *
   * @param load the phase's load shape, e.g. {@code constantRate 500/s}
   * @param offeredRate arrivals per second the phase scheduled (or its users sent)
   * @param requests completions, errors and rates over the phase's own duration
   * @param scheduleLagMs schedule lag of the phase's dispatches
   */
  public record PhaseFigures(String name, boolean warmup, double startSeconds, double durationSeconds, String load,
      double offeredRate, RequestFigures requests, LatencyMillis scheduleLagMs) {

    static PhaseFigures of(PhaseResult p) {
      RequestStats all = p.all();
      double seconds = p.durationSeconds();
      RequestFigures figures = new RequestFigures(all.count(), all.errors(), all.errorsByKind(),
          seconds > 0 ? all.count() / seconds : 0, seconds > 0 ? all.successes() / seconds : 0,
          LatencyMillis.of(all.responseTime()), LatencyMillis.of(all.serviceTime()));
      return new PhaseFigures(p.name(), p.warmup(), p.startSeconds(), seconds, p.load(), p.offeredRate(), figures,
          LatencyMillis.of(p.scheduleLag()));
    }
  }

  /** The figures of all requests together. */
  public RequestFigures all() {
    return requests.get(SloEvaluator.ALL);
  }

  /**
   * What was measured for one request name, or for all together.
   *
   * @param count completed requests, successful or not
   * @param errors failed requests
   * @param errorsByKind failed requests by cause, only kinds that occurred, in {@link ErrorKind} order
   * @param achievedRate completed requests per measured second
   * @param throughput successful responses per measured second
   * @param latencyMs response time from the intended start
   * @param serviceTimeMs service time from the actual write
   */
  public record RequestFigures(
      long count,
      long errors,
      Map<ErrorKind, Long> errorsByKind,
      double achievedRate,
      double throughput,
      LatencyMillis latencyMs,
      LatencyMillis serviceTimeMs) {

    public RequestFigures {
      EnumMap<ErrorKind, Long> copy = new EnumMap<>(ErrorKind.class);
      errorsByKind.forEach((kind, n) -> {
        if (n != 0) {
          copy.put(kind, n);
        }
      });
      errorsByKind = Collections.unmodifiableMap(copy);
      Objects.requireNonNull(latencyMs, "latencyMs");
      Objects.requireNonNull(serviceTimeMs, "serviceTimeMs");
    }

    public static RequestFigures of(MeasuredRun run, RequestStats stats) {
      return new RequestFigures(stats.count(), stats.errors(), stats.errorsByKind(), run.achievedRate(stats),
          run.throughput(stats), LatencyMillis.of(stats.responseTime()), LatencyMillis.of(stats.serviceTime()));
    }
  }

  /**
   * Key points of a latency distribution, in milliseconds; all NaN when nothing was recorded.
   * Percentiles and the max are the highest values equivalent to the recorded ones (3 significant digits).
   */
  public record LatencyMillis(double p50, double p90, double p99, double p999, double max, double mean) {

    public static final LatencyMillis EMPTY =
        new LatencyMillis(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Reads the key points of a histogram of nanoseconds. */
    public static LatencyMillis of(Histogram nanos) {
      if (nanos.getTotalCount() == 0) {
        return EMPTY;
      }
      return new LatencyMillis(Histograms.percentileMillis(nanos, 50), Histograms.percentileMillis(nanos, 90),
          Histograms.percentileMillis(nanos, 99), Histograms.percentileMillis(nanos, 99.9),
          Histograms.millis(nanos.getMaxValue()), nanos.getMean() / 1e6);
    }
  }

  /**
   * How well the generator held the offered load.
   *
   * @param offeredRate arrivals the measured phases scheduled, per measured second
   * @param scheduleLagMs dispatch time minus intended time
   * @param valid whether the measurement can be trusted
   * @param invalidReasons why not, empty when valid
   */
  public record Generator(double offeredRate, LatencyMillis scheduleLagMs, boolean valid, List<String> invalidReasons) {

    public Generator {
      Objects.requireNonNull(scheduleLagMs, "scheduleLagMs");
      invalidReasons = List.copyOf(invalidReasons);
    }
  }
}
