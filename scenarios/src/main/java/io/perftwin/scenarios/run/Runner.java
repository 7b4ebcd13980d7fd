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
import io.perftwin.loadgen.results.PhaseResults;
import io.perftwin.loadgen.results.ResultsJson;
import io.perftwin.loadgen.results.RunManifest;
import io.perftwin.reports.ConsoleSummary;
import io.perftwin.reports.RunReport;
import io.perftwin.reports.RunSummary;
import io.perftwin.infra.cluster.ClusterException;
import io.perftwin.infra.cluster.LocalCluster;
import io.perftwin.infra.topology.LinkSpec;
import io.perftwin.infra.topology.NodeRun;
import io.perftwin.infra.topology.NodeSpec;
import io.perftwin.infra.topology.Role;
import io.perftwin.infra.topology.Topology;
import io.perftwin.scenarios.EnvironmentSpec;
import io.perftwin.shaping.ShapingException;
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

  static final String GATLING = "gatling";

  private final Clock clock;
  private final PrintStream out;

  public Runner(Clock clock, PrintStream out) {
    this.clock = clock;
    this.out = out;
  }

  public RunOutcome run(Scenario scenario, RunOptions options) {
    if (scenario.environment().topology() != null && options.agent() == null) {
      String why = NamespaceEnvironment.unsupported(scenario.environment().topology());
      if (why != null) {
        return new RunOutcome(ExitCodes.BAD_INPUT, null, scenario.file() + ": " + why);
      }
    }
    // Decided before anything is created: a knob nothing can apply fails here, nothing to undo.
    List<String> fallback = new ArrayList<>();
    boolean namespaces;
    ShapingSetup shaping;
    try {
      namespaces = options.agent() == null && useNamespaces(scenario, options, fallback);
      shaping = options.agent() != null ? ShapingSetup.NONE : ShapingSetup.plan(shapingTopology(scenario), namespaces);
      if (namespaces && !shaping.isEmpty() && scenario.environment().loadgens() > 1
          && shaping.links().stream().anyMatch(l -> !l.plan().assignments(io.perftwin.shaping.Backend.KERNEL).isEmpty())) {
        throw new ShapingException("kernel shaping (rate, loss) with several load generators is not supported locally: "
            + "the target's side of the link would be shared; use one load generator");
      }
    } catch (ShapingException | ClusterException e) {
      return new RunOutcome(ExitCodes.INVALID, null, "environment failed: " + e.getMessage());
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
      return runInside(scenario, options, seed, control, namespaces, fallback, shaping);
    } finally {
      resultsWritten.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // A signal is being handled; the hook exits with code 3 now that results are written.
      }
    }
  }

  private RunOutcome runInside(Scenario scenario, RunOptions options, long seed, RunControl control, boolean namespaces,
      List<String> fallback, ShapingSetup shaping) {
    RunOptions.Agent agent = options.agent();
    Path dir = agent != null ? RunFolders.createExact(agent.outDir()) : RunFolders.create(options.runsRoot(), clock.instant(), scenario.name());
    RunManifest manifest = null;
    int loops = engineLoops(scenario, agent);
    try (TargetEnvironment env = startEnvironment(scenario, options, seed, dir, namespaces, shaping);
        ProxyFront proxy = proxyFront(env, options, shaping, seed, loops)) {
      boolean simulation = scenario.load().simulation() != null;
      LoadPlan plan = simulation ? null : plan(scenario, env, seed, loops);
      if (proxy != null && plan != null) {
        plan = plan.asAgent(plan.agentIndex(), plan.agentCount(), proxy.front());
      }
      if (agent != null) {
        plan = plan.asAgent(agent.index(), agent.count(), proxy != null ? proxy.front() : agent.target());
      }
      manifest = manifest(scenario, options, dir, seed, env, plan, fallback, shaping, proxy);
      ResultsJson.write(dir.resolve("run.json"), manifest);
      out.println("perftwin " + ToolVersion.get() + ": " + scenario.name() + " → " + env.target()
          + (plan == null ? " (Gatling simulation " + scenario.load().simulation() + ", seed " + seed
              : " (" + plan.phases().size() + " phases, " + plan.connections() + " connections, seed " + seed)
          + (agent != null ? ", agent " + agent.index() + " of " + agent.count() : "")
          + (env instanceof NamespaceEnvironment ns ? ", namespaces of cluster " + ns.cluster().id() : "") + ")");
      fallback.forEach(f -> out.println("environment: " + f));
      out.println("results: " + dir);

      MeasuredRun run;
      if (GATLING.equals(scenario.load().engine())) {
        io.perftwin.loadgen.gatling.GatlingRun g;
        try (LatencyLogWriter log = LatencyLogWriter.create(dir.resolve("latency.hlog"))) {
          io.perftwin.loadgen.gatling.GatlingEngine engine = new io.perftwin.loadgen.gatling.GatlingEngine();
          out.println("gatling: running in its own JVM; its console goes to " + dir.relativize(dir.resolve("gatling")) + "/");
          g = simulation
              ? engine.runSimulation(scenario.load().simulation(), scenario.load().simulationSources(),
                  proxy != null ? proxy.front() : env.target(), dir, log, control)
              : engine.runPlan(plan, dir, log, control);
        } catch (io.perftwin.loadgen.gatling.GatlingSimulationException e) {
          deleteQuietly(dir);
          return new RunOutcome(ExitCodes.BAD_INPUT, null, e.getMessage());
        }
        run = g.measured();
        if (g.reportIndex() != null) {
          Map<String, Object> environment = new LinkedHashMap<>(manifest.environment());
          environment.put("engineReport", dir.relativize(g.reportIndex()).toString());
          manifest = manifest.withEnvironment(environment);
        }
      } else if (env instanceof NamespaceEnvironment ns) {
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
          run = (proxy != null ? proxy.engine() : LoadEngines.vertx()).run(plan, observer, log, control);
        } finally {
          progress.finish();
        }
      }
      String outcome = control.isStopRequested() ? "interrupted" : "completed";
      manifest = manifest.withStart(run.start().toString()).withEnd(run.end().toString(), outcome);
      ResultsJson.write(dir.resolve("run.json"), manifest);
      if (agent != null && !run.phases().isEmpty()) {
        PhaseResults.write(dir.resolve(PhaseResults.FILE), run.phases()); // exact per-phase figures for the merge
      }
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

  /** Removes a run folder that must not be left half-written (bad input found late). */
  private static void deleteQuietly(Path dir) {
    try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      // best effort: the message says what was wrong
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
   * Whether the run uses network namespaces. {@code auto} takes them when the target is run by
   * perftwin and this host allows them, loopback otherwise (the reason goes to {@code fallback}
   * and run.json).
   *
   * @throws ClusterException if {@code kind: namespaces} and namespaces are not available
   */
  private static boolean useNamespaces(Scenario scenario, RunOptions options, List<String> fallback) {
    EnvironmentSpec.Kind kind = scenario.environment().kind();
    if (kind == EnvironmentSpec.Kind.LOOPBACK) {
      return false;
    }
    if (options.metrics() != null && kind == EnvironmentSpec.Kind.AUTO && scenario.environment().topology() == null) {
      // Live metrics are served by the process that drives the load; in namespaces that is an agent
      // whose sockets are unreachable from here.
      fallback.add("loopback: --metrics-port serves live metrics from this process, so the load runs here");
      return false;
    }
    if (GATLING.equals(scenario.load().engine())) {
      if (kind == EnvironmentSpec.Kind.NAMESPACES) {
        throw new ClusterException("the Gatling engine runs on loopback only (its JVM is not placed in a namespace yet); "
            + "use environment.kind: auto or loopback");
      }
      fallback.add("loopback: the Gatling engine runs its own JVM on this host's loopback");
      return false;
    }
    if (!scenario.target().isDemo() && scenario.environment().topology() == null) {
      // Only AUTO gets here (the parser refuses 'namespaces' with a url target).
      fallback.add("loopback: the target is a URL, not a service perftwin runs in the cluster");
      return false;
    }
    try {
      LocalCluster.checkAvailable();
      return true;
    } catch (ClusterException e) {
      if (kind == EnvironmentSpec.Kind.NAMESPACES) {
        throw e;
      }
      fallback.add("loopback instead of network namespaces: " + e.getMessage());
      return false;
    }
  }

  /** The links whose network conditions a run applies (on loopback: the scenario's network between generator and target). */
  private static Topology shapingTopology(Scenario scenario) {
    if (scenario.environment().topology() != null) {
      return scenario.environment().topology();
    }
    return new Topology(List.of(NodeSpec.loadgen("loadgen", scenario.environment().loadgens()),
        new NodeSpec("target", Role.TARGET, 1, NodeRun.Stub.INSTANCE)),
        List.of(new LinkSpec("loadgen", "target", scenario.network())));
  }

  /** Where the target runs; an agent sends to the target its coordinator gave it. */
  private TargetEnvironment startEnvironment(Scenario scenario, RunOptions options, long seed, Path dir, boolean namespaces,
      ShapingSetup shaping) {
    if (options.agent() != null) {
      return new ExternalTarget(options.agent().target(), "agent " + options.agent().index() + " of "
          + options.agent().count() + " of a distributed run");
    }
    if (namespaces) {
      return NamespaceEnvironment.start(scenario, overrideArgs(options), seed, dir, shaping);
    }
    return LoopbackEnvironment.start(scenario.target(), seed);
  }

  /**
   * The shaping proxy in front of the target in this process, when the plan gives it toxics: on
   * loopback, the runner's; for an agent, the toxics its coordinator wrote. Null when none.
   */
  private static ProxyFront proxyFront(TargetEnvironment env, RunOptions options, ShapingSetup shaping, long seed, int eventLoops) {
    List<io.perftwin.shaping.proxy.ToxicSpec> toxics;
    if (options.agent() != null) {
      if (options.agent().proxyToxics() == null) {
        return null;
      }
      toxics = ProxyFront.read(options.agent().proxyToxics());
    } else if (env instanceof NamespaceEnvironment || shaping.isEmpty()) {
      return null;
    } else {
      toxics = ProxyFront.toSpecs(shaping.links().get(0).plan().proxyToxics());
    }
    if (toxics.isEmpty()) {
      return null;
    }
    return ProxyFront.start(env.target(), toxics, seed, eventLoops);
  }

  /**
   * The event loops the Vert.x engine runs on (the plan's, and the in-process proxy's): the
   * agent's own count when its coordinator gave one, else one per core up to the connections.
   */
  private static int engineLoops(Scenario scenario, RunOptions.Agent agent) {
    return agent != null && agent.eventLoops() > 0 ? agent.eventLoops() : LoadDefaults.eventLoops(scenario.load().connections());
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

  /** The scenario's load on {@code loops} event loops (from {@link #engineLoops}), at least one connection each. */
  static LoadPlan plan(Scenario scenario, TargetEnvironment env, long seed, int loops) {
    LoadSpec l = scenario.load();
    return new LoadPlan(env.target(), Math.max(l.connections(), loops), loops, l.phases(), l.requests(),
        seed, l.timeout(), l.maxScheduleLag(), l.feeders(), l.protocol());
  }

  private RunManifest manifest(Scenario scenario, RunOptions options, Path dir, long seed, TargetEnvironment env, LoadPlan plan,
      List<String> fallback, ShapingSetup setup, ProxyFront proxy) {
    List<RunManifest.PhaseWindow> windows = new ArrayList<>();
    double t = 0;
    for (Phase p : plan == null ? List.<Phase>of() : plan.phases()) {
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
    if (plan != null) {
      environment.put("eventLoops", plan.eventLoops());
    }
    environment.put("cores", Runtime.getRuntime().availableProcessors());
    Map<String, Object> shaping = new LinkedHashMap<>(setup.describe());
    if (proxy != null) {
      shaping.put("proxy", "in this process on " + proxy.front() + ", forwarding to " + env.target());
    } else if (env instanceof NamespaceEnvironment && setup.links().stream().anyMatch(l -> !l.plan().proxyToxics().isEmpty())) {
      shaping.put("proxy", "in each agent process, in front of the target (shaping/<node>.toxics.json)");
    }
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
