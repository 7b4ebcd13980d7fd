package io.perftwin.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.results.IntervalPoint;
import io.perftwin.loadgen.results.LatencyTags;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.loadgen.results.RunManifest;
import io.perftwin.reports.internal.LatencyLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished run read back from its folder: {@code run.json} (the manifest), {@code latency.hlog}
 * (every latency, exact) and, when present, {@code summary.json} (error causes, validity, the
 * objectives as written). From these it rebuilds the {@link MeasuredRun} the reporter needs, so
 * that {@code twin report} renders the same figures as the run did, and it keeps the measured
 * intervals of every request name for {@link BaselineComparison}.
 *
 * <p>Bad input never escapes as anything but a {@link RunFolderException} with a message that
 * names the file.
 */
public final class RunFolder {
  public static final String RUN_JSON = "run.json";
  public static final String LATENCY_HLOG = "latency.hlog";

  private final Path dir;
  private final RunManifest manifest;
  private final LatencyLog latency;
  private final JsonNode summary;

  private RunFolder(Path dir, RunManifest manifest, LatencyLog latency, JsonNode summary) {
    this.dir = dir;
    this.manifest = manifest;
    this.latency = latency;
    this.summary = summary;
  }

  /**
   * Reads a run folder; {@code summary.json} is optional here (a run whose report is not written
   * yet has none) but {@link #measuredRun()} needs it.
   *
   * @throws RunFolderException if the folder, {@code run.json} or {@code latency.hlog} is missing or unreadable
   */
  public static RunFolder read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new RunFolderException(dir + " is not a run folder: " + (Files.exists(dir) ? "not a directory" : "no such directory"));
    }
    JsonNode run = json(dir.resolve(RUN_JSON), true);
    RunManifest manifest;
    try {
      manifest = ResultsJson.mapper().treeToValue(run, RunManifest.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new RunFolderException(dir.resolve(RUN_JSON) + " is not a run manifest: " + firstLine(e.getMessage()), e);
    }
    if (manifest.runId() == null || manifest.scenario() == null) {
      throw new RunFolderException(dir.resolve(RUN_JSON) + " is not a run manifest: 'runId' and 'scenario' are required");
    }
    LatencyLog latency = LatencyLog.read(dir.resolve(LATENCY_HLOG), null);
    JsonNode summary = json(dir.resolve(RunReport.SUMMARY_JSON), false);
    return new RunFolder(dir, manifest, latency, summary);
  }

  /**
   * Reads a baseline and a candidate folder, the baseline on a second thread (reading is mostly
   * decoding the latency log, and the two are independent).
   *
   * @return {baseline, candidate}
   * @throws RunFolderException as {@link #read}, for whichever folder is bad (the baseline first)
   */
  public static RunFolder[] readPair(Path baselineDir, Path candidateDir) {
    java.util.concurrent.CompletableFuture<RunFolder> baseline =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> read(baselineDir), runnable -> {
          Thread t = new Thread(runnable, "read-baseline");
          t.setDaemon(true);
          t.start();
        });
    RunFolder candidate = null;
    RuntimeException candidateProblem = null;
    try {
      candidate = read(candidateDir);
    } catch (RuntimeException e) {
      candidateProblem = e;
    }
    RunFolder base;
    try {
      base = baseline.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    if (candidateProblem != null) {
      throw candidateProblem;
    }
    return new RunFolder[] {base, candidate};
  }

  private static JsonNode json(Path file, boolean required) {
    try {
      JsonNode node = ResultsJson.mapper().readTree(Files.readString(file));
      if (node == null || !node.isObject()) {
        throw new RunFolderException(file + " is not a JSON object");
      }
      return node;
    } catch (NoSuchFileException e) {
      if (required) {
        throw new RunFolderException(file + " is missing: " + file.getParent() + " is not a complete run folder");
      }
      return null;
    } catch (JsonProcessingException e) {
      throw new RunFolderException(file + " is not valid JSON: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new RunFolderException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  public Path dir() {
    return dir;
  }

  public RunManifest manifest() {
    return manifest;
  }

  public String runId() {
    return manifest.runId();
  }

  public String scenario() {
    return manifest.scenario();
  }

  /** Whether {@code run.json} says the run completed (not interrupted, failed or still running). */
  public boolean completed() {
    return "completed".equals(manifest.outcome());
  }

  public boolean hasSummary() {
    return summary != null;
  }

  /** The verdict {@code summary.json} recorded, or {@code null} without one. */
  public String recordedVerdict() {
    return summary == null || !summary.hasNonNull("verdict") ? null : summary.get("verdict").asText();
  }

  /** The objectives as written in the scenario, from {@code summary.json}. */
  public List<String> objectives() {
    List<String> out = new ArrayList<>();
    if (summary != null && summary.has("slo")) {
      for (JsonNode slo : summary.get("slo")) {
        out.add(slo.path("objective").asText());
      }
    }
    return out;
  }

  LatencyLog latency() {
    return latency;
  }

  /**
   * What the run measured, rebuilt from the folder: exact histograms per request name from the
   * latency log's tags, error causes and validity from {@code summary.json}, the timeline from
   * the log's intervals.
   *
   * @throws RunFolderException if {@code summary.json} is missing or lacks the figures needed
   */
  public MeasuredRun measuredRun() {
    if (summary == null) {
      throw new RunFolderException(dir.resolve(RunReport.SUMMARY_JSON) + " is missing: needed for the error causes "
          + "and the validity of the run");
    }
    Map<String, RequestStats> requests = new LinkedHashMap<>();
    JsonNode figures = summary.path("requests");
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = figures.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!SloEvaluator.ALL.equals(name)) {
        names.add(name);
      }
    }
    for (String name : latency.measuredNames()) {
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    for (String name : names) {
      EnumMap<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
      JsonNode byKind = figures.path(name).path("errorsByKind");
      for (ErrorKind kind : ErrorKind.values()) {
        long n = byKind.path(kind.key()).asLong(0);
        if (n > 0) {
          errors.put(kind, n);
        }
      }
      long logged = latency.total(LatencyTags.errors(name, false)).getTotalCount();
      long summed = errors.values().stream().mapToLong(Long::longValue).sum();
      if (summed != logged) { // the log is the authority on counts; unexplained ones are "other"
        errors.merge(ErrorKind.OTHER, logged - summed, Long::sum);
        if (errors.get(ErrorKind.OTHER) <= 0) {
          errors.remove(ErrorKind.OTHER);
        }
      }
      requests.put(name, new RequestStats(latency.total(LatencyTags.response(name, false)),
          latency.total(LatencyTags.service(name, false)), errors));
    }
    List<IntervalPoint> timeline = new ArrayList<>();
    for (LatencyLog.Interval i : latency.timeline()) {
      timeline.add(new IntervalPoint(i.startSeconds(), i.endSeconds(), i.completed(), i.errors(), i.p50Millis(),
          i.p99Millis(), i.maxMillis()));
    }
    List<String> invalid = new ArrayList<>();
    summary.path("generator").path("invalidReasons").forEach(r -> invalid.add(r.asText()));
    double measuredSeconds = summary.hasNonNull("measuredSeconds") ? summary.get("measuredSeconds").asDouble()
        : measuredSecondsOf(manifest);
    double offered = summary.path("generator").path("offeredRate").asDouble(Double.NaN);
    return new MeasuredRun(instant(manifest.startTime(), "startTime"), instant(manifest.endTime(), "endTime"),
        measuredSeconds, offered, requests, latency.total(LatencyTags.LAG), timeline, invalid);
  }

  /** Planned seconds of the measured phases, from the manifest. */
  static double measuredSecondsOf(RunManifest m) {
    double s = 0;
    if (m.phases() != null) {
      for (RunManifest.PhaseWindow p : m.phases()) {
        if (!p.warmup()) {
          s += p.endSeconds() - p.startSeconds();
        }
      }
    }
    return s;
  }

  private Instant instant(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new RunFolderException(dir.resolve(RUN_JSON) + ": '" + field + "' is not an ISO-8601 time: " + text);
    }
  }
}
