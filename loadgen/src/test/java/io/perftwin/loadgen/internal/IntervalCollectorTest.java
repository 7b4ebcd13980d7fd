package io.perftwin.loadgen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.RequestStats;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector skips empty histograms and merges without copying where only one histogram
 * contributes: the counts must still come out exact, and the loops' own histograms, which it
 * reads in place, must not change under it.
 */
class IntervalCollectorTest {
  @TempDir
  Path dir;

  private static final LoadPlan PLAN = new LoadPlan(URI.create("http://127.0.0.1:1/"), 2, 2,
      List.of(new Phase("warm", Duration.ofSeconds(1), new ConstantRate(10), true),
          new Phase("a", Duration.ofSeconds(1), new ConstantRate(10), false),
          new Phase("b", Duration.ofSeconds(1), new ConstantRate(10), false)),
      List.of(new RequestTemplate("get", 1, "GET", "/", List.of(), null), new RequestTemplate("post", 1, "POST", "/", List.of(), null)),
      1, Duration.ofSeconds(10), Duration.ofMillis(10));

  @Test
  void countsAreExactWhetherOneLoopOrBothOrTwoPhasesRecordInAnInterval() throws IOException {
    RecorderBook book = new RecorderBook(2, 3, 2);
    book.bindLoop(0, Runnable::run);
    book.bindLoop(1, Runnable::run);
    Path hlog = dir.resolve("latency.hlog");
    IntervalCollector collector;
    try (LatencyLogWriter log = LatencyLogWriter.create(hlog)) {
      log.start(0, "test");
      collector = new IntervalCollector(PLAN, book, log);

      // Interval 1: only loop 1 records, warm-up phase, name 0 (loop 0's histograms stay empty).
      record(book, 1, 0, 0, 3, 1_000_000);
      collector.collect(0, 1, "warm", 10);
      // Interval 2: both loops, the two measured phases (their tags merge), an error on loop 0.
      record(book, 0, 1, 0, 4, 2_000_000);
      record(book, 1, 1, 0, 5, 3_000_000);
      record(book, 0, 2, 0, 6, 4_000_000);
      record(book, 1, 2, 1, 2, 5_000_000);
      book.recordError(0, 2, 1, 6_000_000, -1, ErrorKind.TIMEOUT);
      collector.collect(1, 2, "b", 10);
      // Interval 3: each loop records into the set it filled in interval 1, emptied since.
      record(book, 0, 2, 0, 7, 7_000_000);
      record(book, 1, 0, 0, 1, 1_000_000);
      collector.collect(2, 3, "b", 10);
    }

    Map<String, List<Long>> counts = new LinkedHashMap<>();
    HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
    for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
      counts.computeIfAbsent(h.getTag() + "@" + (long) h.getStartTimeStamp() / 1000, k -> new ArrayList<>())
          .add(((Histogram) h).getTotalCount());
    }
    assertEquals(List.of(3L), counts.get("warmup/get@0"));
    assertEquals(List.of(3L), counts.get("warmup/service/get@0"));
    assertEquals(List.of(3L), counts.get("warmup/generator/lag@0"));
    assertEquals(List.of(15L), counts.get("get@1"), "phases a and b, both loops");
    assertEquals(List.of(3L), counts.get("post@1"), "two successes and a timeout");
    assertEquals(List.of(1L), counts.get("errors/post@1"));
    assertEquals(List.of(2L), counts.get("service/post@1"), "the timeout was never written");
    assertEquals(List.of(17L), counts.get("generator/lag@1"));
    assertEquals(List.of(7L), counts.get("get@2"), "only interval 3's values");
    assertEquals(List.of(1L), counts.get("warmup/get@2"), "interval 1's 3 values were cleared");
    assertNull(counts.get("post@2"), "nothing completed: no entry");
    assertNull(counts.get("errors/get@1"), "no error: no entry");

    Map<String, RequestStats> measured = collector.measuredRequests();
    assertEquals(22, measured.get("get").count());
    assertEquals(3, measured.get("post").count());
    assertEquals(1, measured.get("post").errors());
    assertEquals(7, measured.get("get").responseTime().getMaxValue() / 1_000_000, "the largest get, in ms");
    assertEquals(4, collector.dispatched(0));
    assertEquals(9, collector.dispatched(1));
    assertEquals(15, collector.dispatched(2), "6 + 2, then 7 (the timeout's dispatch was not recorded here)");
  }

  /** {@code count} successful requests of {@code value} ns each, with their lag. */
  private static void record(RecorderBook book, int loop, int phase, int name, int count, long value) {
    for (int i = 0; i < count; i++) {
      book.recordLag(loop, phase, 1_000);
      book.recordSuccess(loop, phase, name, value, value - 500);
    }
  }
}
