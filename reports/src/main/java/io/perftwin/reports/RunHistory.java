package io.perftwin.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perftwin.loadgen.results.ResultsJson;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs under a runs folder ({@code runs/} by default), each run a folder, oldest first.
 *
 * <p>An index, {@value #INDEX_FILE} in the runs folder, keeps one line of figures per run so that
 * a history of a thousand runs does not parse two thousand JSON files. It is rebuilt from the
 * folders when stale: a run folder is re-read when it is new or its {@code run.json} or
 * {@code summary.json} changed (size or modification time); folders that disappeared are
 * dropped. The index is a cache: deleting it is always safe, and a runs folder that cannot be
 * written simply goes without one. Folders without a readable {@code run.json} are not runs and are skipped.
 */
public final class RunHistory {
  private RunHistory() {}

  public static final String INDEX_FILE = ".perftwin-history.json";
  static final int INDEX_VERSION = 1;

  /** Every run under the folder, of every scenario, oldest first (by start time, then run id). */
  public static List<HistoryEntry> load(Path runsRoot) {
    if (!Files.isDirectory(runsRoot)) {
      return List.of();
    }
    Map<String, ObjectNode> index = readIndex(runsRoot);
    Map<String, ObjectNode> fresh = new LinkedHashMap<>();
    boolean changed = false;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsRoot, Files::isDirectory)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        String stamp = stamp(dir);
        if (stamp == null) {
          continue; // no run.json: not a run
        }
        ObjectNode cached = index.get(name);
        if (cached != null && stamp.equals(cached.path("stamp").asText())) {
          fresh.put(name, cached);
          continue;
        }
        ObjectNode entry = readEntry(dir, stamp);
        changed = true;
        if (entry != null) {
          fresh.put(name, entry);
        }
      }
    } catch (IOException e) {
      throw new RunFolderException("cannot list " + runsRoot + ": " + e.getMessage(), e);
    }
    if (changed || fresh.size() != index.size()) {
      writeIndex(runsRoot, fresh);
    }
    List<HistoryEntry> out = new ArrayList<>();
    for (ObjectNode n : fresh.values()) {
      out.add(toEntry(n));
    }
    out.sort(Comparator.comparing((HistoryEntry e) -> e.startTime() == null ? "" : e.startTime())
        .thenComparing(HistoryEntry::runId));
    return out;
  }

  /** The runs of one scenario, oldest first. */
  public static List<HistoryEntry> of(Path runsRoot, String scenario) {
    return load(runsRoot).stream().filter(e -> e.scenario().equals(scenario)).toList();
  }

  /**
   * The folder of the newest run of a scenario that completed (not interrupted or failed) and
   * whose report says {@code pass} or {@code fail} (an invalid run measured nothing to compare
   * with); empty if there is none.
   */
  public static Optional<Path> latestCompleted(Path runsRoot, String scenario) {
    List<HistoryEntry> runs = of(runsRoot, scenario);
    for (int i = runs.size() - 1; i >= 0; i--) {
      HistoryEntry e = runs.get(i);
      if ("completed".equals(e.outcome()) && ("pass".equals(e.verdict()) || "fail".equals(e.verdict()))) {
        return Optional.of(runsRoot.resolve(e.runId()));
      }
    }
    return Optional.empty();
  }

  /** Size and modification time of run.json and summary.json; null without run.json. */
  private static String stamp(Path dir) {
    try {
      BasicFileAttributes run = Files.readAttributes(dir.resolve(RunFolder.RUN_JSON), BasicFileAttributes.class);
      String s = run.size() + ":" + run.lastModifiedTime().toMillis();
      Path summary = dir.resolve(RunReport.SUMMARY_JSON);
      if (Files.exists(summary)) {
        BasicFileAttributes sum = Files.readAttributes(summary, BasicFileAttributes.class);
        s += "/" + sum.size() + ":" + sum.lastModifiedTime().toMillis();
      }
      return s;
    } catch (IOException e) {
      return null;
    }
  }

  private static ObjectNode readEntry(Path dir, String stamp) {
    JsonNode run;
    try {
      run = ResultsJson.mapper().readTree(dir.resolve(RunFolder.RUN_JSON).toFile());
    } catch (IOException e) {
      return null;
    }
    if (run == null || !run.hasNonNull("runId") || !run.hasNonNull("scenario")) {
      return null;
    }
    ObjectNode n = ResultsJson.mapper().createObjectNode();
    n.put("dir", dir.getFileName().toString());
    n.put("stamp", stamp);
    n.put("runId", dir.getFileName().toString());
    n.put("scenario", run.get("scenario").asText());
    n.put("startTime", run.path("startTime").asText(null));
    n.put("outcome", run.path("outcome").asText(null));
    ObjectNode metrics = n.putObject("metrics");
    try {
      Path summaryFile = dir.resolve(RunReport.SUMMARY_JSON);
      if (Files.exists(summaryFile)) {
        JsonNode summary = ResultsJson.mapper().readTree(summaryFile.toFile());
        n.put("verdict", summary.path("verdict").asText(null));
        JsonNode all = summary.path("requests").path(SloEvaluator.ALL);
        for (String key : List.of("p50", "p90", "p99", "p99.9", "max", "mean")) {
          putNumber(metrics, key, all.path("latencyMs").path(key));
        }
        putNumber(metrics, "throughput", all.path("throughput"));
        long count = all.path("count").asLong(0);
        if (count > 0) {
          metrics.put("errorRatio", all.path("errors").asLong(0) / (double) count);
        }
      }
    } catch (IOException e) {
      n.putNull("verdict"); // an unreadable summary: the run is listed without figures
    }
    return n;
  }

  private static void putNumber(ObjectNode into, String key, JsonNode value) {
    if (value.isNumber()) {
      into.put(key, value.asDouble());
    }
  }

  private static HistoryEntry toEntry(ObjectNode n) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    n.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
    return new HistoryEntry(n.path("runId").asText(), n.path("scenario").asText(), text(n, "startTime"),
        text(n, "outcome"), text(n, "verdict"), metrics);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Map<String, ObjectNode> readIndex(Path runsRoot) {
    Map<String, ObjectNode> out = new HashMap<>();
    Path file = runsRoot.resolve(INDEX_FILE);
    if (!Files.exists(file)) {
      return out;
    }
    try {
      JsonNode root = ResultsJson.mapper().readTree(file.toFile());
      if (root.path("version").asInt() != INDEX_VERSION) {
        return out;
      }
      for (JsonNode run : root.path("runs")) {
        if (run instanceof ObjectNode o && o.hasNonNull("dir")) {
          out.put(o.get("dir").asText(), o);
        }
      }
    } catch (IOException | RuntimeException e) {
      out.clear(); // a damaged index is rebuilt
    }
    return out;
  }

  private static void writeIndex(Path runsRoot, Map<String, ObjectNode> entries) {
    ObjectNode root = ResultsJson.mapper().createObjectNode();
    root.put("version", INDEX_VERSION);
    root.put("about", "cache of perftwin run figures, rebuilt from the run folders when stale; safe to delete");
    ArrayNode runs = root.putArray("runs");
    entries.keySet().stream().sorted().forEach(k -> runs.add(entries.get(k)));
    try {
      ResultsJson.writeString(runsRoot.resolve(INDEX_FILE), ResultsJson.mapper().writeValueAsString(root) + "\n");
    } catch (IOException | RuntimeException e) {
      // a runs folder we cannot write goes without an index
    }
  }
}
