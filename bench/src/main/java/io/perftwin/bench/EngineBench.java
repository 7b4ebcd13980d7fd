package io.perftwin.bench;

import com.sun.management.OperatingSystemMXBean;
import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.LoadEngine;
import io.perftwin.loadgen.LoadEngines;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.RunObserver;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Drives the engine at a fixed open rate against a URL and prints one JSON line: requests
 * completed, CPU seconds this process used while doing it, their ratio, achieved rate, how long
 * the requests took to drain after the phase ended (near 0 when the system kept up), schedule
 * lag and latency. A warm-up run (same rate) comes first and is not counted, so the JIT is warm.
 * The engine is the one {@code twin run} uses ({@link LoadEngines#vertx}): for HTTP/1.1 on Linux,
 * event loops of its own, started afresh by each run. A fresh loop thread runs compiled code from
 * its first turn, as a loop turn is a method of its own, not one long loop body that would wait
 * for on-stack replacement. {@code -Dperftwin.bench.sharedLoops=true} runs the engine on one Vert.x
 * instance's loops instead ({@link LoadEngines#vertxOn}, as the shaping proxy does), to compare.
 *
 * <pre>java -cp … io.perftwin.bench.EngineBench URL RATE CONNECTIONS SECONDS [WARMUP_SECONDS] [LOOPS] [REWARM_SECONDS]</pre>
 *
 * <p>REWARM_SECONDS (default 0) adds a second, short warm-up run. Starting a run deoptimizes code
 * the first warm-up compiled (branches taken only while a run starts), and C2 then recompiles the
 * event loop inside the next run: 0.3–0.5 s of compiler time, 3–5 % of a 10 s window's CPU
 * (docs/benchmarks.md, session 5). A second warm-up run takes that one-off out of the window.
 */
public final class EngineBench {
  private EngineBench() {}

  public static void main(String[] args) {
    if (args.length < 4) {
      System.err.println("usage: EngineBench URL RATE CONNECTIONS SECONDS [WARMUP_SECONDS] [LOOPS] [REWARM_SECONDS]");
      System.exit(2);
    }
    URI url = URI.create(args[0]);
    double rate = Double.parseDouble(args[1]);
    int connections = Integer.parseInt(args[2]);
    Duration duration = Duration.ofSeconds(Long.parseLong(args[3]));
    Duration warmup = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 5);
    int loops = args.length > 5 ? Integer.parseInt(args[5]) : Math.min(Runtime.getRuntime().availableProcessors(), connections);

    LoadEngine engine = Boolean.getBoolean("perftwin.bench.sharedLoops") ? LoadEngines.vertxOn(LoadEngines.eventLoops(loops))
        : LoadEngines.vertx();
    run(engine, url, rate, connections, loops, warmup);
    long rewarm = args.length > 6 ? Long.parseLong(args[6]) : 0;
    if (rewarm > 0) {
      run(engine, url, rate, connections, loops, Duration.ofSeconds(rewarm));
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    double[] splitBefore = userSystemSeconds();
    long wallBefore = System.nanoTime();
    MeasuredRun measured = run(engine, url, rate, connections, loops, duration);
    double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
    double[] splitAfter = userSystemSeconds();
    double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
    RequestStats all = measured.all();
    System.out.println(String.format(Locale.ROOT,
        "{\"engine\":\"perftwin\",\"offeredRate\":%.1f,\"connections\":%d,\"loops\":%d,\"requests\":%d,\"errors\":%d,"
            + "\"wallSeconds\":%.3f,\"cpuSeconds\":%.3f,\"requestsPerCpuSecond\":%.0f,\"achievedRate\":%.1f,"
            + "\"userCpuSeconds\":%.2f,\"systemCpuSeconds\":%.2f,"
            + "\"drainSeconds\":%.3f,\"lagP50Ms\":%.3f,\"lagP99Ms\":%.3f,\"lagMaxMs\":%.3f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"valid\":%b}",
        rate, connections, loops, all.count(), all.errors(), wallSeconds, cpuSeconds, all.count() / cpuSeconds,
        measured.achievedRate(all), splitAfter[0] - splitBefore[0], splitAfter[1] - splitBefore[1],
        Math.max(0, wallSeconds - duration.toNanos() / 1e9 - 0.2),
        Histograms.percentileMillis(measured.scheduleLag(), 50), Histograms.percentileMillis(measured.scheduleLag(), 99),
        measured.scheduleLag().getMaxValue() / 1e6,
        Histograms.percentileMillis(all.responseTime(), 50), Histograms.percentileMillis(all.responseTime(), 99),
        measured.valid()));
    System.exit(0);
  }

  /**
   * This process's user and system CPU seconds so far, from {@code /proc/self/stat} (fields 14
   * and 15, in USER_HZ = 100 ticks per second on Linux); NaN where there is no such file.
   */
  static double[] userSystemSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // The command name (field 2) is in parentheses and may hold spaces: count from after it.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return new double[] {Long.parseLong(f[11]) / 100.0, Long.parseLong(f[12]) / 100.0};
    } catch (IOException | RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
  }

  private static MeasuredRun run(LoadEngine engine, URI url, double rate, int connections, int loops, Duration duration) {
    LoadPlan plan = new LoadPlan(url, connections, loops,
        List.of(new Phase("steady", duration, new ConstantRate(rate), false)),
        List.of(new RequestTemplate("get", 1, "GET", url.getPath().isEmpty() ? "/" : url.getPath(), List.of(), null)),
        1, Duration.ofSeconds(10), Duration.ofMillis(10));
    return engine.run(plan, RunObserver.NONE, LatencyLogWriter.discarding(), new RunControl());
  }
}
