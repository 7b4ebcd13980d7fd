package io.perftwin.scenarios.run;

import io.perftwin.loadgen.LoadDefaults;
import io.perftwin.loadgen.LoadEngines;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.RunObserver;
import io.perftwin.loadgen.metrics.PrometheusMetrics;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.loadgen.results.RunManifest;
import io.perftwin.reports.ConsoleSummary;
import io.perftwin.reports.RunReport;
import io.perftwin.reports.RunSummary;
import io.perftwin.infra.cluster.ClusterException;
import io.perftwin.infra.cluster.LocalCluster;
import io.perftwin.scenarios.EnvironmentSpec;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.LoadSpec;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ToolVersion;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario: environment up, shaping on, load, report, environment down. Every exit
 * path undoes what was set up; an interrupted or failed run keeps what it measured.
 */
public final class Runner {
  /** How long a signal handler waits for the results to be written before giving up. */
  private static final long SIGNAL_WAIT_SECONDS = 30;

  private final Clock clock;
  private final PrintStream out;

  public Runner(Clock clock, PrintStream out) {
    this.clock = clock;
    this.out = out;
  }

  public RunOutcome run(Scenario scenario, RunOptions options) {
    if (!scenario.network().isEmpty()) {
      // Checked before anything is created: nothing to undo, nothing written.
      return new RunOutcome(ExitCodes.INVALID, null,
          "environment failed: no shaping backend is available yet for " + String.join(", ", scenario.network().knobsSet())
              + " (network shaping is not implemented yet); remove the 'network' section to run without it");
    }
    if (scenario.environment().topology() != null && options.agent() == null) {
      String why = NamespaceEnvironment.unsupported(scenario.environment().topology());
      if (why != null) {
        return new RunOutcome(ExitCodes.BAD_INPUT, null, scenario.file() + ": " + why);
      }
    }
    long seed = scenario.seed() != null ? scenario.seed() : new SecureRandom().nextLong();
    RunControl control = new RunControl();
    CountDownLatch resultsWritten = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      control.requestStop("signal received (Ctrl-C or SIGTERM)");
      try {
        resultsWritten.await(SIGNAL_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(ExitCodes.INVALID);
    }, "twin-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return runInside(scenario, options, seed, control);
    } finally {
      resultsWritten.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // A signal is being handled; the hook exits with code 3 now that results are written.
      }
    }
  }

  private RunOutcome runInside(Scenario scenario, RunOptions options, long seed, RunControl control) {
    RunOptions.Agent agent = options.agent();
    Path dir = agent != null ? RunFolders.createExact(agent.outDir()) : RunFolders.create(options.runsRoot(), clock.instant(), scenario.name());
    RunManifest manifest = null;
    List<String> fallback = new ArrayList<>();
    try (TargetEnvironment env = startEnvironment(scenario, options, seed, dir, fallback)) {
      LoadPlan plan = plan(scenario, env, seed);
      if (agent != null) {
        plan = agentPlan(plan, agent);
      }
      manifest = manifest(scenario, options, dir, seed, env, plan, fallback);
      ResultsJson.write(dir.resolve("run.json"), manifest);
      out.println("perftwin " + ToolVersion.get() + ": " + scenario.name() + " → " + env.target()
          + " (" + plan.phases().size() + " phases, " + plan.connections() + " connections, seed " + seed
          + (agent != null ? ", agent " + agent.index() + " of " + agent.count() : "")
          + (env instanceof NamespaceEnvironment ns ? ", namespaces of cluster " + ns.cluster().id() : "") + ")");
      fallback.forEach(f -> out.println("environment: " + f));
      out.println("results: " + dir);

      MeasuredRun run;
      if (env instanceof NamespaceEnvironment ns) {
        if (options.metrics() != null) {
          out.println("metrics: not served: the load runs in network namespaces (use environment.kind: loopback for live metrics)");
        }
        run = ns.runAgents(scenario, overrideArgs(options), plan, seed, control, dir, out, clock);
      } else {
        if (agent != null) {
          awaitStart(agent.startAtEpochMillis(), control);
        }
        ConsoleProgress progress = new ConsoleProgress(out, options.terminal(), 5);
        try (PrometheusMetrics metrics = startMetrics(options);
            LatencyLogWriter log = LatencyLogWriter.create(dir.resolve("latency.hlog"))) {
          RunObserver observer = metrics == null ? progress : s -> {
            metrics.onInterval(s);
            progress.onInterval(s);
          };
          run = LoadEngines.vertx().run(plan, observer, log, control);
        } finally {
          progress.finish();
        }
      }
      String outcome = control.isStopRequested() ? "interrupted" : "completed";
      manifest = manifest.withStart(run.start().toString()).withEnd(run.end().toString(), outcome);
      ResultsJson.write(dir.resolve("run.json"), manifest);
      RunSummary summary = RunReport.write(dir, manifest, run, scenario.slos(), options.baseline());
      String message = "verdict: " + summary.verdict().key();
      if (!run.valid()) {
        message += " (" + String.join("; ", run.invalidReasons()) + ")";
      }
      if (agent == null) {
        out.println();
        out.print(ConsoleSummary.render(summary));
        out.println("report: " + dir.resolve("report.html"));
      } else {
        out.println("agent " + agent.index() + " done: " + run.all().count() + " requests; " + message);
      }
      return new RunOutcome(summary.verdict().exitCode(), dir, message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(dir, manifest, new IllegalStateException("interrupted while waiting for the agents", e));
    } catch (RuntimeException e) {
      return failed(dir, manifest, e);
    }
  }

  private RunOutcome failed(Path dir, RunManifest manifest, RuntimeException e) {
    String reason = "failed: " + e;
    if (manifest != null) {
      ResultsJson.write(dir.resolve("run.json"), manifest.withEnd(clock.instant().toString(), reason));
    } else {
      ResultsJson.writeString(dir.resolve("error.txt"), reason + "\n");
    }
    return new RunOutcome(ExitCodes.INVALID, dir, "run failed: " + e.getMessage());
  }

  /**
   * The environment the scenario asks for. {@code auto} takes network namespaces when the target
   * is the built-in demo service and this host allows them, loopback otherwise (the reason goes to
   * {@code fallback} and run.json). An agent sends to the target its coordinator gave it.
   */
  private TargetEnvironment startEnvironment(Scenario scenario, RunOptions options, long seed, Path dir, List<String> fallback) {
    if (options.agent() != null) {
      return new ExternalTarget(options.agent().target(), "agent " + options.agent().index() + " of "
          + options.agent().count() + " of a distributed run");
    }
    EnvironmentSpec.Kind kind = scenario.environment().kind();
    if (kind == EnvironmentSpec.Kind.LOOPBACK) {
      return LoopbackEnvironment.start(scenario.target(), seed);
    }
    if (!scenario.target().isDemo() && scenario.environment().topology() == null) {
      // Only AUTO gets here (the parser refuses 'namespaces' with a url target).
      fallback.add("loopback: the target is a URL, not a service perftwin runs in the cluster");
      return LoopbackEnvironment.start(scenario.target(), seed);
    }
    try {
      LocalCluster.checkAvailable();
    } catch (ClusterException e) {
      if (kind == EnvironmentSpec.Kind.NAMESPACES) {
        throw e;
      }
      fallback.add("loopback instead of network namespaces: " + e.getMessage());
      return LoopbackEnvironment.start(scenario.target(), seed);
    }
    return NamespaceEnvironment.start(scenario, overrideArgs(options), seed, dir);
  }

  /** The command-line overrides as arguments again ({@code --set k=v}, {@code --rate R}, {@code --duration D}). */
  static List<String> overrideArgs(RunOptions options) {
    List<String> args = new ArrayList<>();
    for (String o : options.overrides()) {
      int space = o.indexOf(' ');
      if (space < 0) {
        args.add(o);
      } else {
        args.add(o.substring(0, space));
        args.add(o.substring(space + 1));
      }
    }
    return args;
  }

  private static LoadPlan agentPlan(LoadPlan plan, RunOptions.Agent agent) {
    LoadPlan p = plan;
    if (agent.eventLoops() > 0 && agent.eventLoops() != plan.eventLoops()) {
      p = new LoadPlan(plan.target(), Math.max(plan.connections(), agent.eventLoops()), agent.eventLoops(), plan.phases(),
          plan.requests(), plan.seed(), plan.requestTimeout(), plan.maxScheduleLagP99(), plan.feeders(), plan.protocol());
    }
    return p.asAgent(agent.index(), agent.count(), agent.target());
  }

  private void awaitStart(long startAtEpochMillis, RunControl control) throws InterruptedException {
    while (!control.isStopRequested()) {
      long wait = startAtEpochMillis - clock.millis();
      if (wait <= 0) {
        return;
      }
      Thread.sleep(Math.min(wait, 50));
    }
  }

  private PrometheusMetrics startMetrics(RunOptions options) {
    if (options.metrics() == null) {
      return null;
    }
    PrometheusMetrics m = PrometheusMetrics.serve(options.metrics().host(), options.metrics().port());
    out.println("metrics: http://" + options.metrics().host() + ":" + m.port() + "/metrics");
    return m;
  }

  static LoadPlan plan(Scenario scenario, TargetEnvironment env, long seed) {
    LoadSpec l = scenario.load();
    int connections = l.connections();
    return new LoadPlan(env.target(), connections, LoadDefaults.eventLoops(connections), l.phases(), l.requests(),
        seed, l.timeout(), l.maxScheduleLag(), l.feeders(), l.protocol());
  }

  private RunManifest manifest(Scenario scenario, RunOptions options, Path dir, long seed, TargetEnvironment env, LoadPlan plan,
      List<String> fallback) {
    List<RunManifest.PhaseWindow> windows = new ArrayList<>();
    double t = 0;
    for (Phase p : plan.phases()) {
      double end = t + p.duration().toNanos() / 1e9;
      windows.add(new RunManifest.PhaseWindow(p.name(), t, end, p.warmup(), p.shape().describe()));
      t = end;
    }
    Map<String, Object> environment = new LinkedHashMap<>(env.describe());
    if (!fallback.isEmpty()) {
      environment.put("fallback", fallback);
    }
    if (env instanceof NamespaceEnvironment) {
      environment.put("agents", scenario.environment().loadgens());
    }
    environment.put("eventLoops", plan.eventLoops());
    environment.put("cores", Runtime.getRuntime().availableProcessors());
    Map<String, Object> shaping = new LinkedHashMap<>();
    shaping.put("backend", "none");
    shaping.put("fidelity", "exact (no network conditions requested)");
    shaping.put("applied", Map.of());
    shaping.put("notApplied", List.of());
    return new RunManifest(
        dir.getFileName().toString(),
        scenario.name(),
        scenario.file().toString(),
        scenario.sha256(),
        scenario.resolved(),
        options.overrides(),
        seed,
        ToolVersion.get(),
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        hostName(),
        Instant.now(clock).toString(),
        null,
        scenario.load().engine(),
        environment,
        shaping,
        windows,
        "running");
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
