package io.perftwin.scenarios.run;

import io.perftwin.infra.cluster.ClusterException;
import io.perftwin.infra.cluster.ClusterNode;
import io.perftwin.infra.cluster.LocalCluster;
import io.perftwin.infra.cluster.NodeProcess;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.scenarios.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local cluster environment: the target in its own network namespace, each load generator in
 * its own, joined by veth links to a bridge (see {@link LocalCluster}). The load runs as agent
 * processes ({@code twin agent}) inside the load-generator namespaces, each driving an exact
 * share of the plan; their results are merged into the run folder. Closing stops every process
 * and removes every namespace.
 */
final class NamespaceEnvironment implements TargetEnvironment {
  static final String MAIN = "io.perftwin.scenarios.cli.Main";
  static final int TARGET_PORT = 8080;
  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(30);
  /** Time the agents get to start their JVMs before the common start. */
  private static final Duration AGENT_START_DELAY = Duration.ofSeconds(4);
  private static final Duration AGENT_STOP_GRACE = Duration.ofSeconds(30);

  private final LocalCluster cluster;
  private final List<String> loadgens;
  private final URI target;
  private final Map<String, Object> description = new LinkedHashMap<>();

  private NamespaceEnvironment(LocalCluster cluster, List<String> loadgens, URI target) {
    this.cluster = cluster;
    this.loadgens = loadgens;
    this.target = target;
  }

  /** Names of the load-generator nodes for {@code n} of them. */
  static List<String> loadgenNames(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(n == 1 ? "loadgen" : "loadgen" + (i + 1));
    }
    return names;
  }

  /**
   * Brings the cluster up and starts the target, checked healthy from the first load generator.
   *
   * @param overrideArgs the run's command-line overrides, passed on to the processes that read the scenario
   */
  static NamespaceEnvironment start(Scenario scenario, List<String> overrideArgs, long seed, Path runDir) {
    List<String> loadgens = loadgenNames(scenario.environment().loadgens());
    List<String> nodes = new ArrayList<>(loadgens);
    nodes.add("target");
    LocalCluster.cleanupLeftovers(); // of runs killed earlier (their owner is gone)
    LocalCluster cluster = LocalCluster.up(nodes, "run " + runDir.getFileName());
    try {
      ClusterNode t = cluster.node("target");
      URI target = URI.create("http://" + t.address() + ":" + TARGET_PORT);
      List<String> args = new ArrayList<>(List.of("demo-service", "--host", "0.0.0.0", "--port", Integer.toString(TARGET_PORT),
          "--scenario", scenario.file().toAbsolutePath().toString(), "--seed", Long.toString(seed)));
      args.addAll(overrideArgs);
      Path log = runDir.resolve("logs").resolve("target.log");
      NodeProcess targetProcess = cluster.start("target", LocalCluster.javaCommand(MAIN, args), log);
      try {
        cluster.awaitHttp(loadgens.get(0), target + "/health", HEALTH_TIMEOUT);
      } catch (RuntimeException e) {
        String why = targetProcess.exitCode().isPresent()
            ? "the target exited at once with code " + targetProcess.exitCode().getAsInt()
            : "the target did not answer " + target + "/health within " + HEALTH_TIMEOUT.toSeconds() + " s";
        throw new ClusterException(why + "; its log: " + log + lastLines(log), e);
      }
      NamespaceEnvironment env = new NamespaceEnvironment(cluster, loadgens, target);
      env.description.put("kind", "namespaces");
      env.description.put("cluster", cluster.id());
      List<Map<String, Object>> described = new ArrayList<>();
      for (ClusterNode n : cluster.nodes()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", n.name());
        d.put("role", n.name().equals("target") ? "target" : "loadgen");
        d.put("namespace", n.namespace());
        d.put("address", n.address());
        described.add(d);
      }
      env.description.put("nodes", described);
      env.description.put("links", "every node's eth0 is a veth to bridge br0 in " + cluster.hubNamespace());
      env.description.put("target", "built-in demo service in node 'target' on " + target);
      env.description.put("logs", "logs/");
      return env;
    } catch (RuntimeException e) {
      try {
        cluster.close();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  LocalCluster cluster() {
    return cluster;
  }

  @Override
  public URI target() {
    return target;
  }

  @Override
  public Map<String, Object> describe() {
    return description;
  }

  /**
   * Runs one agent per load-generator node from a common start time, forwards the first agent's
   * console, stops them all (each writes what it measured) when {@code control} asks, and merges
   * their folders ({@code agents/<node>/}) into the run.
   */
  MeasuredRun runAgents(Scenario scenario, List<String> overrideArgs, LoadPlan plan, long seed, RunControl control,
      Path runDir, PrintStream out, Clock clock) throws InterruptedException {
    long startAt = clock.millis() + AGENT_START_DELAY.toMillis();
    List<NodeProcess> agents = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < loadgens.size(); i++) {
      Path dir = runDir.resolve("agents").resolve(loadgens.get(i));
      dirs.add(dir);
      List<String> args = new ArrayList<>(List.of("agent", scenario.file().toAbsolutePath().toString(),
          "--index", Integer.toString(i), "--of", Integer.toString(loadgens.size()),
          "--target", target.toString(), "--event-loops", Integer.toString(plan.eventLoops()),
          "--seed", Long.toString(seed), "--start-at", Long.toString(startAt), "--out", dir.toString()));
      args.addAll(overrideArgs);
      agents.add(cluster.start(loadgens.get(i), LocalCluster.javaCommand(MAIN, args),
          runDir.resolve("logs").resolve(loadgens.get(i) + ".log")));
    }
    Tail tail = new Tail(agents.get(0).log(), out);
    boolean stopping = false;
    try {
      for (NodeProcess a : agents) {
        while (!a.waitFor(Duration.ofMillis(200))) {
          tail.poll();
          if (control.isStopRequested() && !stopping) {
            stopping = true;
            agents.forEach(NodeProcess::requestStop);
          }
        }
      }
      if (stopping) {
        for (NodeProcess a : agents) {
          if (!a.waitFor(AGENT_STOP_GRACE)) {
            a.close();
          }
        }
      }
    } finally {
      tail.poll();
      agents.forEach(NodeProcess::close);
    }
    List<Path> written = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      if (Files.exists(dirs.get(i).resolve("summary.json"))) {
        written.add(dirs.get(i));
      } else {
        missing.add("agent " + loadgens.get(i) + " exited with code " + agents.get(i).exitCode().orElse(-1)
            + " without writing results; see logs/" + loadgens.get(i) + ".log" + lastLines(agents.get(i).log()));
      }
    }
    if (written.isEmpty()) {
      throw new ClusterException(String.join("; ", missing));
    }
    MeasuredRun merged = AgentMerge.merge(written, runDir);
    if (missing.isEmpty()) {
      return merged;
    }
    List<String> invalid = new ArrayList<>(merged.invalidReasons());
    invalid.addAll(missing);
    return new MeasuredRun(merged.start(), merged.end(), merged.measuredSeconds(), merged.offeredRate(), merged.requests(),
        merged.scheduleLag(), merged.timeline(), invalid);
  }

  @Override
  public void close() {
    cluster.close();
  }

  private static String lastLines(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
      return tail.isEmpty() ? "" : "\n  " + String.join("\n  ", tail);
    } catch (IOException e) {
      return "";
    }
  }

  /** Copies what a log file gains to the console, line by line. */
  private static final class Tail {
    private final Path file;
    private final PrintStream out;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    Tail(Path file, PrintStream out) {
      this.file = file;
      this.out = out;
    }

    void poll() {
      try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
        long len = f.length();
        if (len <= offset) {
          return;
        }
        f.seek(offset);
        byte[] buf = new byte[(int) Math.min(len - offset, 1 << 20)];
        f.readFully(buf);
        offset += buf.length;
        partial.append(new String(buf, StandardCharsets.UTF_8));
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
          out.println(partial.substring(0, nl));
          partial.delete(0, nl + 1);
        }
      } catch (IOException e) {
        // not there yet
      }
    }
  }
}
