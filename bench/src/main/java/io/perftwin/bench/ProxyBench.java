package io.perftwin.bench;

import io.perftwin.infra.DemoService;
import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.infra.ServiceTime;
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
import io.perftwin.shaping.proxy.ProxyServerOptions;
import io.perftwin.shaping.proxy.ShapingProxy;
import io.perftwin.shaping.proxy.ToxicSpec;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shaping proxy's cost, side by side in one run: the demo service (constant service time,
 * many workers) is driven by the Vert.x engine at each offered rate straight and through the
 * proxy with no toxic, alternately, after a warm-up of both paths; every run starts with an
 * unmeasured warm-up phase ({@link #WARMUP}) at its rate. For each rate it prints one
 * JSON line per path and the added latency at p50/p99/p99.9 (proxied − direct, latency from the
 * intended start). Finally, through the proxy with a latency toxic of 20 ms ± 5 ms (normal) on
 * the downstream stream, the added latency percentiles next to the configured distribution's.
 *
 * <p>MODE {@code shared} (the default) runs the proxy on the engine's event loop, as the runner
 * and {@code twin agent} deploy it; {@code own} gives the proxy a Vert.x instance and event loops
 * of its own, as {@code twin proxy} runs. The engine runs on the same loops for both paths.
 *
 * <pre>java -cp … io.perftwin.bench.ProxyBench [SECONDS] [CONNECTIONS] [RATES, e.g. 1000,5000,10000] [PROXY_EVENT_LOOPS] [shared|own]</pre>
 */
public final class ProxyBench {
  /**
   * Each run opens its connections in a warm-up phase that is not measured: a connection through
   * the proxy costs an accept and an upstream connect, code that runs a few dozen times per run
   * and stays interpreted, so the first second through the proxy stalls for milliseconds per
   * connection opened. That cost is reported on its own ({@code firstSecondMaxMs}).
   */
  private static final Duration WARMUP = Duration.ofSeconds(2);

  private ProxyBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    String rates = args.length > 2 ? args[2] : "1000,5000,10000";
    int proxyLoops = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    boolean shared = args.length <= 4 || args[4].equals("shared");
    DemoServiceConfig config = DemoServiceConfig.DEFAULT.withWorkers(512)
        .withServiceTime(new ServiceTime.Constant(Duration.ofMillis(1)));
    Vertx loops = LoadEngines.eventLoops(1);
    LoadEngine engine = LoadEngines.vertxOn(loops);
    ProxyServerOptions options = ProxyServerOptions.defaults().withApi("127.0.0.1", 0);
    System.out.println("{\"bench\":\"proxy-setup\",\"mode\":\"" + (shared ? "shared" : "own") + "\",\"proxyEventLoops\":"
        + (shared ? 1 : proxyLoops) + "}");
    try (DemoService demo = DemoService.start(config, "127.0.0.1", 0, 1);
        ShapingProxy proxy = shared ? ShapingProxy.startOn(loops, options.withEventLoops(1))
            : ShapingProxy.start(options.withEventLoops(proxyLoops))) {
      int proxied = proxy.createProxy("bench", "127.0.0.1:0", "127.0.0.1:" + demo.port()).listenPort();
      URI direct = URI.create("http://127.0.0.1:" + demo.port() + "/");
      URI through = URI.create("http://127.0.0.1:" + proxied + "/");
      run(engine, direct, 2000, connections, 5);
      run(engine, through, 2000, connections, 5);
      for (String r : rates.split(",")) {
        double rate = Double.parseDouble(r.trim());
        MeasuredRun a = run(engine, direct, rate, connections, seconds);
        MeasuredRun b = run(engine, through, rate, connections, seconds);
        print("direct", rate, connections, a);
        print("proxy", rate, connections, b);
        System.out.println(String.format(Locale.ROOT,
            "{\"bench\":\"proxy-overhead\",\"offeredRate\":%.0f,\"addedP50Ms\":%.3f,\"addedP99Ms\":%.3f,\"addedP999Ms\":%.3f}",
            rate, diff(a, b, 50), diff(a, b, 99), diff(a, b, 99.9)));
      }
      proxy.addToxic("bench", ToxicSpec.of("latency", "downstream",
          Map.of("latency", 20, "jitter", 5, "distribution", "normal")));
      // ~21 requests in flight at 1,000/s with 20 ms added: enough connections that none waits for one.
      int delayConnections = Math.max(connections, 128);
      MeasuredRun base = run(engine, direct, 1000, delayConnections, seconds);
      MeasuredRun delayed = run(engine, through, 1000, delayConnections, seconds);
      print("direct", 1000, delayConnections, base);
      print("proxy+latency(20ms,5ms,normal,downstream)", 1000, delayConnections, delayed);
      System.out.println(String.format(Locale.ROOT,
          "{\"bench\":\"proxy-delay\",\"offeredRate\":1000,\"addedP50Ms\":%.3f,\"configuredP50Ms\":20.000,"
              + "\"addedP99Ms\":%.3f,\"configuredP99Ms\":%.3f}",
          diff(base, delayed, 50), diff(base, delayed, 99), 20 + 5 * 2.326348));
    }
    System.exit(0);
  }

  private static double diff(MeasuredRun direct, MeasuredRun proxied, double percentile) {
    return Histograms.percentileMillis(proxied.all().responseTime(), percentile)
        - Histograms.percentileMillis(direct.all().responseTime(), percentile);
  }

  private static void print(String path, double rate, int connections, MeasuredRun run) {
    RequestStats all = run.all();
    System.out.println(String.format(Locale.ROOT,
        "{\"path\":\"%s\",\"offeredRate\":%.0f,\"connections\":%d,\"requests\":%d,\"errors\":%d,\"achievedRate\":%.1f,"
            + "\"lagP99Ms\":%.3f,\"p50Ms\":%.3f,\"p99Ms\":%.3f,\"p999Ms\":%.3f,\"firstSecondMaxMs\":%.3f,\"valid\":%b}",
        path, rate, connections, all.count(), all.errors(), run.achievedRate(all),
        Histograms.percentileMillis(run.scheduleLag(), 99), Histograms.percentileMillis(all.responseTime(), 50),
        Histograms.percentileMillis(all.responseTime(), 99), Histograms.percentileMillis(all.responseTime(), 99.9),
        run.timeline().isEmpty() ? 0 : run.timeline().get(0).maxMillis(), run.valid()));
  }

  private static MeasuredRun run(LoadEngine engine, URI url, double rate, int connections, int seconds) {
    LoadPlan plan = new LoadPlan(url, connections, 1,
        List.of(new Phase("warm-up", WARMUP, new ConstantRate(rate), true),
            new Phase("steady", Duration.ofSeconds(seconds), new ConstantRate(rate), false)),
        List.of(new RequestTemplate("get", 1, "GET", "/", List.of(), null)),
        1, Duration.ofSeconds(10), Duration.ofMillis(10));
    return engine.run(plan, RunObserver.NONE, LatencyLogWriter.discarding(), new RunControl());
  }
}
