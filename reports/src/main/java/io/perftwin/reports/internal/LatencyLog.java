package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyTags;
import io.perftwin.reports.RunFolderException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * {@code latency.hlog} read back: the total histogram of every tag, the measured intervals of
 * every request name (for resampling), and one point per reporting interval for the charts.
 * Entries of one interval are consecutive and share their start time (as the collector writes
 * them); an interval with entries of measured tags only is a measured interval.
 */
public final class LatencyLog {
  /** One reporting interval, all request names together. Latencies in ms, NaN when nothing completed. */
  public record Interval(double startSeconds, double endSeconds, boolean measured, long completed, long errors,
      double p50Millis, double p90Millis, double p99Millis, double maxMillis) {}

  private final Map<String, Histogram> totals = new LinkedHashMap<>();
  private final Map<String, BlockedSamples> samples = new LinkedHashMap<>();
  private final List<Interval> timeline = new ArrayList<>();
  private double startEpochSeconds;
  private int measuredIntervals;

  private LatencyLog() {}

  /**
   * Reads the file.
   *
   * @param measuredAt whether an interval whose middle is this many seconds after the start is in
   *     a measured (non-warm-up) phase; {@code null} to decide by its tags alone
   * @throws RunFolderException if the file is missing, empty, corrupt or truncated
   */
  public static LatencyLog read(Path file, DoublePredicate measuredAt) {
    return read(file, measuredAt, java.util.Set.of());
  }

  /**
   * Reads the file and also cuts the measured time into windows of each given length (seconds),
   * for objectives per time window; see {@link #windows(double)}.
   */
  public static LatencyLog read(Path file, DoublePredicate measuredAt, java.util.Set<Double> windowSeconds) {
    LatencyLog log = new LatencyLog();
    for (double w : windowSeconds) {
      log.windowCutters.put(w, new WindowCutter(w));
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      log.readFrom(file, in, measuredAt);
    } catch (NoSuchFileException e) {
      throw new RunFolderException(file + " is missing: the run folder has no latency log");
    } catch (IOException e) {
      throw new RunFolderException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return log;
  }

  private void readFrom(Path file, InputStream in, DoublePredicate measuredAt) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    Map<String, Histogram> current = new LinkedHashMap<>();
    double currentStart = Double.NaN;
    double baseTime = Double.NaN;
    double startTime = Double.NaN;
    int lineNumber = 0;
    boolean any = false;
    String line;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      any = true;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (line.startsWith("#[StartTime: ")) {
          startTime = headerSeconds(file, lineNumber, line, "#[StartTime: ");
        } else if (line.startsWith("#[BaseTime: ")) {
          baseTime = headerSeconds(file, lineNumber, line, "#[BaseTime: ");
        }
        continue;
      }
      if (line.startsWith("\"StartTimestamp\"")) {
        continue; // the legend
      }
      Entry e;
      try {
        e = entry(file, lineNumber, line);
      } catch (RunFolderException bad) {
        if (lines.readLine() == null && !endsWithLineEnd(file)) {
          throw new RunFolderException(file + " is truncated: its last line (" + lineNumber
              + ") is cut short and has no line end", bad);
        }
        throw bad;
      }
      if (Double.isNaN(startTime)) {
        throw new RunFolderException(file + " line " + lineNumber + ": an interval before the #[StartTime: …] header;"
            + " not a latency log written by perftwin");
      }
      double absolute;
      if (!Double.isNaN(baseTime)) {
        absolute = e.start + baseTime;
      } else {
        absolute = e.start < startTime - 365 * 24 * 3600.0 ? e.start + startTime : e.start;
      }
      double start = absolute - startTime;
      double end = start + e.length;
      if (!current.isEmpty() && Math.abs(start - currentStart) > 0.0005) {
        close(current, currentStart, currentEnd, measuredAt);
        current.clear();
      }
      currentStart = start;
      currentEnd = end;
      Histogram existing = current.get(e.tag);
      if (existing == null) {
        current.put(e.tag, e.histogram);
      } else {
        existing.add(e.histogram);
      }
    }
    if (!any) {
      throw new RunFolderException(file + " is empty: it has no header and no intervals");
    }
    if (Double.isNaN(startTime)) {
      throw new RunFolderException(file + " has no #[StartTime: …] header: not a latency log written by perftwin");
    }
    startEpochSeconds = startTime;
    if (!current.isEmpty()) {
      close(current, currentStart, currentEnd, measuredAt);
    }
    windowCutters.values().forEach(WindowCutter::finish);
  }

  /** What one time window measured for one scope (a request name, or all). */
  public record WindowFigures(SparseCounts latency, double meanMillis, double maxMillis, long count, long errors,
      double seconds) {}

  private final Map<Double, WindowCutter> windowCutters = new LinkedHashMap<>();

  /**
   * The windows of a length given to {@link #read(Path, DoublePredicate, java.util.Set)}, in order:
   * per window, the figures of each scope (request name, and {@code all}) that completed requests
   * in it. Windows are consecutive from the start of the first measured interval; a last window
   * shorter than half the length is left out. Null if that length was not asked for.
   */
  public List<Map<String, WindowFigures>> windows(double seconds) {
    WindowCutter c = windowCutters.get(seconds);
    return c == null ? null : c.done;
  }

  private static final class WindowCutter {
    final double length;
    final List<Map<String, WindowFigures>> done = new ArrayList<>();
    final Map<String, Histogram> latency = new LinkedHashMap<>();
    final Map<String, Long> errors = new LinkedHashMap<>();
    double first = Double.NaN;
    long index = -1;
    double covered;

    WindowCutter(double length) {
      this.length = length;
    }

    void add(double start, double end, Map<String, Histogram> tags) {
      if (Double.isNaN(first)) {
        first = start;
      }
      long i = (long) Math.floor((start - first) / length + 1e-9);
      if (i != index) {
        close();
        index = i;
      }
      covered += end - start;
      for (Map.Entry<String, Histogram> e : tags.entrySet()) {
        String tag = e.getKey();
        if (tag.indexOf('/') < 0) {
          latency.computeIfAbsent(tag, t -> Histograms.create()).add(e.getValue());
          latency.computeIfAbsent(io.perftwin.reports.SloEvaluator.ALL, t -> Histograms.create()).add(e.getValue());
        } else if (tag.startsWith(LatencyTags.ERRORS_PREFIX)) {
          long n = e.getValue().getTotalCount();
          errors.merge(tag.substring(LatencyTags.ERRORS_PREFIX.length()), n, Long::sum);
          errors.merge(io.perftwin.reports.SloEvaluator.ALL, n, Long::sum);
        }
      }
    }

    void close() {
      if (index >= 0) {
        Map<String, WindowFigures> w = new LinkedHashMap<>();
        double seconds = covered;
        latency.forEach((scope, h) -> w.put(scope, new WindowFigures(SparseCounts.of(h), h.getMean() / 1e6,
            Histograms.millis(h.getMaxValue()), h.getTotalCount(), errors.getOrDefault(scope, 0L), seconds)));
        if (w.isEmpty()) {
          w.put("", new WindowFigures(SparseCounts.EMPTY, Double.NaN, Double.NaN, 0, 0, seconds)); // keeps its length
        }
        done.add(w);
      }
      latency.clear();
      errors.clear();
      covered = 0;
    }

    void finish() {
      if (index >= 0 && covered < length / 2 - 1e-9) {
        latency.clear(); // a last window shorter than half the length is left out
        index = -1;
      }
      close();
    }
  }

  private double currentEnd = Double.NaN;

  private record Entry(String tag, double start, double length, Histogram histogram) {}

  private static Entry entry(Path file, int lineNumber, String line) {
    String tag = "";
    String rest = line;
    if (rest.startsWith("Tag=")) {
      int comma = rest.indexOf(',');
      if (comma < 0) {
        throw corrupt(file, lineNumber, "a tag but no fields", null);
      }
      tag = rest.substring(4, comma);
      rest = rest.substring(comma + 1);
    }
    String[] f = rest.split(",", -1);
    if (f.length != 4) {
      throw corrupt(file, lineNumber, "expected start,length,max,histogram but found " + f.length + " fields", null);
    }
    double start;
    double length;
    try {
      start = Double.parseDouble(f[0]);
      length = Double.parseDouble(f[1]);
      Double.parseDouble(f[2]);
    } catch (NumberFormatException e) {
      throw corrupt(file, lineNumber, "a time stamp or max that is not a number", e);
    }
    Histogram h;
    try {
      byte[] bytes = Base64.getDecoder().decode(f[3]);
      h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), Histograms.HIGHEST_TRACKABLE_NANOS);
    } catch (IllegalArgumentException | DataFormatException | java.nio.BufferUnderflowException
        | ArrayIndexOutOfBoundsException | IllegalStateException e) {
      throw corrupt(file, lineNumber, "the histogram cannot be decoded"
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
    return new Entry(tag, start, length, h);
  }

  private static boolean endsWithLineEnd(Path file) {
    try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
      if (ch.size() == 0) {
        return true;
      }
      ch.position(ch.size() - 1);
      ByteBuffer last = ByteBuffer.allocate(1);
      ch.read(last);
      return last.get(0) == '\n';
    } catch (IOException e) {
      return true;
    }
  }

  private static RunFolderException corrupt(Path file, int lineNumber, String what, Throwable cause) {
    return new RunFolderException(file + " is corrupt or truncated: line " + lineNumber + ": " + what, cause);
  }

  private static double headerSeconds(Path file, int lineNumber, String line, String prefix) {
    String rest = line.substring(prefix.length());
    int space = rest.indexOf(' ');
    try {
      return Double.parseDouble(space < 0 ? rest : rest.substring(0, space));
    } catch (NumberFormatException e) {
      throw corrupt(file, lineNumber, "a header time that is not a number: " + line, e);
    }
  }

  private final Histogram intervalAll = Histograms.create();
  private final Histogram measuredAll = Histograms.create();
  private final BlockedSamples allSamples = new BlockedSamples();

  private void close(Map<String, Histogram> tags, double start, double end, DoublePredicate measuredAt) {
    boolean anyMeasured = false;
    intervalAll.reset();
    measuredAll.reset();
    long errors = 0;
    for (Map.Entry<String, Histogram> e : tags.entrySet()) {
      String tag = e.getKey();
      Histogram h = e.getValue();
      totals.computeIfAbsent(tag, t -> Histograms.create()).add(h);
      String bare = tag.startsWith(LatencyTags.WARMUP_PREFIX) ? tag.substring(LatencyTags.WARMUP_PREFIX.length()) : tag;
      if (!tag.startsWith(LatencyTags.WARMUP_PREFIX)) {
        anyMeasured = true;
      }
      if (bare.indexOf('/') < 0) {
        intervalAll.add(h);
        if (bare.equals(tag)) {
          measuredAll.add(h);
        }
      } else if (bare.startsWith(LatencyTags.ERRORS_PREFIX)) {
        errors += h.getTotalCount();
      }
    }
    boolean measured = measuredAt == null ? anyMeasured : measuredAt.test((start + end) / 2);
    if (measured) {
      for (Map.Entry<String, Histogram> e : tags.entrySet()) {
        String tag = e.getKey();
        if (tag.indexOf('/') < 0 && !samples.containsKey(tag)) {
          BlockedSamples s = new BlockedSamples();
          for (int i = 0; i < measuredIntervals; i++) {
            s.add(SparseCounts.EMPTY);
          }
          samples.put(tag, s);
        }
      }
      samples.forEach((name, s) -> s.add(tags.get(name)));
      for (WindowCutter c : windowCutters.values()) {
        c.add(start, end, tags);
      }
      allSamples.add(measuredAll);
      measuredIntervals++;
    }
    long completed = intervalAll.getTotalCount();
    timeline.add(new Interval(start, end, measured, completed, errors,
        Histograms.percentileMillis(intervalAll, 50), Histograms.percentileMillis(intervalAll, 90),
        Histograms.percentileMillis(intervalAll, 99), completed == 0 ? Double.NaN : Histograms.millis(intervalAll.getMaxValue())));
  }

  /** The sum over the run of one tag's entries; an empty histogram if the tag never appeared. */
  public Histogram total(String tag) {
    Histogram h = totals.get(tag);
    return h == null ? Histograms.create() : h;
  }

  /** Whether the tag appeared at all. */
  public boolean has(String tag) {
    return totals.containsKey(tag);
  }

  /** Request names with measured entries, in order of first appearance. */
  public List<String> measuredNames() {
    return List.copyOf(samples.keySet());
  }

  /** The measured intervals of a request name; {@code null} if it has none. */
  public BlockedSamples samples(String name) {
    return samples.get(name);
  }

  /** The measured intervals of all names together. */
  public BlockedSamples allSamples() {
    return allSamples;
  }

  public List<Interval> timeline() {
    return timeline;
  }

  /** Measured intervals seen. */
  public int measuredIntervals() {
    return measuredIntervals;
  }

  public double startEpochSeconds() {
    return startEpochSeconds;
  }
}
