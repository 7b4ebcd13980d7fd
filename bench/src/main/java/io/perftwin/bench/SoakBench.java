package io.perftwin.bench;

import io.netty.util.internal.PlatformDependent;
import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.LoadEngines;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the engine at a fixed rate for a long time and samples the heap after a full GC every
 * {@code sampleSeconds}. Prints each sample and, at the end, the growth from the first sample
 * after the first minute to the last one. The latency log is written to a temporary file, as in
 * a real run.
 *
 * <pre>java -cp … io.perftwin.bench.SoakBench URL RATE CONNECTIONS SECONDS [SAMPLE_SECONDS]</pre>
 */
public final class SoakBench {
  private SoakBench() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    double rate = Double.parseDouble(args[1]);
    int connections = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    int sampleSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<long[]> samples = new ArrayList<>();
    LoadPlan plan = new LoadPlan(url, connections, Math.min(Runtime.getRuntime().availableProcessors(), connections),
        List.of(new Phase("soak", Duration.ofSeconds(seconds), new ConstantRate(rate), false)),
        List.of(new RequestTemplate("get", 1, "GET", "/", List.of(), null)),
        1, Duration.ofSeconds(10), Duration.ofMillis(10));
    Path hlog = Files.createTempFile("soak", ".hlog");
    MeasuredRun run;
    try (LatencyLogWriter log = LatencyLogWriter.create(hlog)) {
      run = LoadEngines.vertx().run(plan, s -> {
        long t = Math.round(s.elapsedSeconds());
        if (t > 0 && t % sampleSeconds == 0) {
          System.gc();
          long used = memory.getHeapMemoryUsage().getUsed();
          long direct = directBytes();
          long rss = rssBytes();
          samples.add(new long[] {t, used, direct, rss});
          System.out.println(String.format(Locale.ROOT,
              "t=%4ds heapAfterGc=%.2f MiB direct=%.2f MiB rss=%.1f MiB completed=%d p99=%.3f ms",
              t, used / 1048576.0, direct / 1048576.0, rss / 1048576.0, s.totalCompleted(), s.p99Millis()));
        }
      }, log, new RunControl());
    }
    long[] first = samples.stream().filter(x -> x[0] >= 60).findFirst().orElse(samples.get(0));
    long[] last = samples.get(samples.size() - 1);
    System.out.println(String.format(Locale.ROOT,
        "{\"bench\":\"soak\",\"rate\":%.0f,\"seconds\":%d,\"requests\":%d,\"errors\":%d,\"lagP99Ms\":%.3f,"
            + "\"heapAfterGcFirstMiB\":%.2f,\"atSecond\":%d,\"heapAfterGcLastMiB\":%.2f,\"atSecondLast\":%d,\"growthPercent\":%.1f,"
            + "\"directFirstMiB\":%.2f,\"directLastMiB\":%.2f,\"rssFirstMiB\":%.1f,\"rssLastMiB\":%.1f,"
            + "\"hlogBytes\":%d,\"valid\":%b}",
        rate, seconds, run.all().count(), run.all().errors(), Histograms.percentileMillis(run.scheduleLag(), 99),
        first[1] / 1048576.0, first[0], last[1] / 1048576.0, last[0], 100.0 * (last[1] - first[1]) / first[1],
        first[2] / 1048576.0, last[2] / 1048576.0, first[3] / 1048576.0, last[3] / 1048576.0,
        Files.size(hlog), run.valid()));
    Files.deleteIfExists(hlog);
    System.exit(0);
  }

  /**
   * Native memory held by direct buffers: the JDK's direct pool (the engine's constant request
   * bytes) plus what Netty allocated outside it (the loops' receive buffers, rendered requests).
   */
  private static long directBytes() {
    long jdk = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
        .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    long netty = PlatformDependent.usedDirectMemory();
    return jdk + Math.max(0, netty);
  }

  /** The process's resident set from {@code /proc/self/status}; -1 where there is none. */
  private static long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }
}
