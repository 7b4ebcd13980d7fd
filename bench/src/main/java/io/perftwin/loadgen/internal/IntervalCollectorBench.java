package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.results.LatencyLogWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Milliseconds of the collector's thread per one-second interval: taking the loop's histograms,
 * merging them into the run's totals and writing the latency log (to nowhere). A run pays this
 * once a second beside the event loops' work. The plan has PHASES phases and NAMES request names;
 * values go to one phase at a time, as in a run. It sits in the collector's package because the
 * collector is package-private.
 *
 * <pre>java -cp … io.perftwin.loadgen.internal.IntervalCollectorBench [PHASES] [NAMES] [INTERVALS]</pre>
 */
public final class IntervalCollectorBench {
  private IntervalCollectorBench() {}

  public static void main(String[] args) {
    int phases = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int names = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int intervals = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    List<Phase> phaseList = new ArrayList<>();
    for (int p = 0; p < phases; p++) {
      phaseList.add(new Phase("phase" + p, Duration.ofSeconds(intervals), new ConstantRate(1000), p == 0 && phases > 1));
    }
    List<RequestTemplate> requests = new ArrayList<>();
    for (int n = 0; n < names; n++) {
      requests.add(new RequestTemplate("request" + n, 1, "GET", "/" + n, List.of(), null));
    }
    LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:1/"), 16, 1, phaseList, requests, 1,
        Duration.ofSeconds(10), Duration.ofMillis(10));
    RecorderBook book = new RecorderBook(1, phases, names);
    book.bindLoop(0, Runnable::run); // the swap runs on the caller's thread
    LatencyLogWriter log = LatencyLogWriter.discarding();
    log.start(0, "bench");
    IntervalCollector collector = new IntervalCollector(plan, book, log);
    double[] millis = new double[intervals];
    for (int i = 0; i < intervals; i++) {
      int phase = i * phases / intervals;
      for (int k = 0; k < 2000; k++) {
        book.recordLag(0, phase, 1_000 + k);
        book.recordSuccess(0, phase, k % names, 40_000 + k * 10L, 39_000 + k * 10L);
      }
      long start = System.nanoTime();
      collector.collect(i, i + 1, "phase" + phase, 1000);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    double first = millis[0];
    double[] warm = Arrays.copyOfRange(millis, intervals / 2, intervals);
    Arrays.sort(warm);
    System.out.println(String.format(Locale.ROOT,
        "{\"bench\":\"intervalCollector\",\"phases\":%d,\"names\":%d,\"firstIntervalMs\":%.2f,\"meanFirst10Ms\":%.2f,"
            + "\"medianWarmMs\":%.3f}",
        phases, names, first, Arrays.stream(millis, 0, Math.min(10, intervals)).average().orElse(0), warm[warm.length / 2]));
  }
}
