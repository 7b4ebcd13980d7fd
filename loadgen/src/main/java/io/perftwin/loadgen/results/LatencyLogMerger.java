package io.perftwin.loadgen.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Merges the latency logs of several agents that ran shares of one plan from a common start
 * time into one log, exactly: each agent interval goes into the interval of the common grid
 * whose start is nearest its own (agents start within milliseconds of each other; the grid step
 * is the agents' reporting interval), and histograms of the same tag in one grid interval are
 * added. The totals per tag therefore equal the sums of the agents' totals.
 */
public final class LatencyLogMerger {
  private LatencyLogMerger() {}

  /** What the merged log holds, besides the file. */
  public record Merged(long startEpochMillis, List<IntervalPoint> timeline, Map<String, Histogram> totals) {}

  private record Entry(double absoluteStart, double absoluteEnd, String tag, Histogram histogram) {}

  /**
   * Reads {@code inputs}, writes the merged log to {@code output}.
   *
   * @throws IllegalArgumentException naming the file if an input is not a readable latency log
   */
  public static Merged merge(List<Path> inputs, Path output) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("nothing to merge: no latency logs given");
    }
    List<Entry> entries = new ArrayList<>();
    double start = Double.POSITIVE_INFINITY;
    List<Double> lengths = new ArrayList<>();
    for (Path in : inputs) {
      double logStart = Double.NaN;
      try {
        HistogramLogReader reader = new HistogramLogReader(in.toFile());
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
          if (!(h instanceof Histogram histogram)) {
            throw new IllegalArgumentException(in + ": a double histogram; perftwin logs hold integer histograms");
          }
          double s = histogram.getStartTimeStamp() / 1000.0;
          double e = histogram.getEndTimeStamp() / 1000.0;
          entries.add(new Entry(s, e, histogram.getTag(), histogram));
          lengths.add(e - s);
          if (Double.isNaN(logStart)) {
            logStart = reader.getStartTimeSec();
          }
        }
        if (Double.isNaN(logStart)) {
          logStart = reader.getStartTimeSec();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + in + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        if (e instanceof IllegalArgumentException) {
          throw e;
        }
        throw new IllegalArgumentException(in + ": not a readable latency log: " + e, e);
      }
      if (logStart > 0) {
        start = Math.min(start, logStart);
      }
    }
    if (Double.isInfinite(start)) {
      start = entries.stream().mapToDouble(Entry::absoluteStart).min().orElse(0);
    }
    double step = lengths.isEmpty() ? 1.0 : lengths.stream().sorted().toList().get(lengths.size() / 2);
    if (!(step > 0)) {
      step = 1.0;
    }
    TreeMap<Long, Map<String, Histogram>> grid = new TreeMap<>();
    Map<Long, Double> ends = new TreeMap<>();
    Map<String, Histogram> totals = new LinkedHashMap<>();
    for (Entry e : entries) {
      long k = Math.round((e.absoluteStart - start) / step);
      Map<String, Histogram> cell = grid.computeIfAbsent(k, x -> new LinkedHashMap<>());
      cell.computeIfAbsent(e.tag, t -> Histograms.create()).add(e.histogram);
      ends.merge(k, e.absoluteEnd - start, Math::max);
      totals.computeIfAbsent(e.tag, t -> Histograms.create()).add(e.histogram);
    }
    long startMillis = Math.round(start * 1000);
    List<IntervalPoint> timeline = new ArrayList<>();
    try (LatencyLogWriter out = LatencyLogWriter.create(output)) {
      out.start(startMillis, "perftwin latency log, merged from " + inputs.size() + " agents");
      for (Map.Entry<Long, Map<String, Histogram>> cell : grid.entrySet()) {
        double s = Math.max(0, cell.getKey() * step);
        double e = Math.max(s, ends.get(cell.getKey()));
        Histogram all = Histograms.create();
        long errors = 0;
        for (Map.Entry<String, Histogram> t : cell.getValue().entrySet()) {
          out.write(t.getKey(), s, e, t.getValue());
          String bare = t.getKey().startsWith(LatencyTags.WARMUP_PREFIX)
              ? t.getKey().substring(LatencyTags.WARMUP_PREFIX.length()) : t.getKey();
          if (bare.indexOf('/') < 0) {
            all.add(t.getValue());
          } else if (bare.startsWith(LatencyTags.ERRORS_PREFIX)) {
            errors += t.getValue().getTotalCount();
          }
        }
        long n = all.getTotalCount();
        timeline.add(new IntervalPoint(s, e, n, errors, Histograms.percentileMillis(all, 50),
            Histograms.percentileMillis(all, 99), n == 0 ? Double.NaN : Histograms.millis(all.getMaxValue())));
      }
      out.flush();
    }
    return new Merged(startMillis, timeline, totals);
  }
}
