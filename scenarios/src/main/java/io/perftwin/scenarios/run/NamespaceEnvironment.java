package io.perftwin.scenarios.run;

import io.perftwin.infra.cluster.ClusterException;
import io.perftwin.infra.cluster.ClusterNode;
import io.perftwin.infra.cluster.LocalCluster;
import io.perftwin.infra.cluster.NodeProcess;
import io.perftwin.infra.topology.LinkSpec;
import io.perftwin.infra.topology.NodeRun;
import io.perftwin.infra.topology.NodeSpec;
import io.perftwin.infra.topology.Role;
import io.perftwin.infra.topology.Topology;
import io.perftwin.shaping.Backend;
import io.perftwin.shaping.kernel.Applied;
import io.perftwin.shaping.kernel.KernelShaper;
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
  /** Kernel shaping applied, undone before the cluster goes. */
  private final List<Applied> applied = new ArrayList<>();
  /** Per load-generator node: the toxics file of its agent's proxy, if its link has proxy knobs. */
  private final Map<String, Path> toxicsFiles = new LinkedHashMap<>();
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
    return replicaNames("loadgen", n);
  }

  private static List<String> replicaNames(String name, int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(n == 1 ? name : name + (i + 1));
    }
    return names;
  }

  /**
   * The topology a run uses: the scenario's {@code environment.nodes}, or {@code loadgens} load
   * generators and the scenario's demo target.
   */
  static Topology topologyOf(Scenario scenario) {
    Topology t = scenario.environment().topology();
    if (t != null) {
      return t;
    }
    return new Topology(List.of(NodeSpec.loadgen("loadgen", scenario.environment().loadgens()),
        new NodeSpec("target", Role.TARGET, 1, new NodeRun.Demo(scenario.target().demo()))),
        List.of(new LinkSpec("loadgen", "target", scenario.network())));
  }

  /** Why this topology cannot run in a local cluster, or null if it can. */
  static String unsupported(Topology t) {
    if (t.nodes(Role.TARGET).size() != 1) {
      return "environment.nodes: a local run sends load to one target node, found " + t.nodes(Role.TARGET).size();
    }
    for (NodeSpec n : t.nodes()) {
      if (n.role() != Role.LOADGEN && n.count() != 1) {
        return "environment.nodes: '" + n.name() + "' has count " + n.count() + "; a local run starts one replica of a "
            + "target or dependency (twin capacity --replicas studies scale-out)";
      }
      if (n.name().length() + (n.count() > 1 ? String.valueOf(n.count()).length() : 0) > 15) {
        return "environment.nodes: '" + n.name() + "' with count " + n.count() + " makes node names longer than 15 characters";
      }
    }
    return null;
  }

  /**
   * Brings the cluster up and starts the target and its dependencies (dependencies first), each
   * checked healthy from a node that calls it.
   *
   * @param overrideArgs the run's command-line overrides, passed on to the processes that read the scenario
   */
  static NamespaceEnvironment start(Scenario scenario, List<String> overrideArgs, long seed, Path runDir, ShapingSetup shaping) {
    Topology topology = topologyOf(scenario);
    List<String> loadgens = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    for (NodeSpec n : topology.nodes()) {
      List<String> names = n.role() == Role.LOADGEN ? replicaNames(n.name(), n.count()) : List.of(n.name());
      nodes.addAll(names);
      if (n.role() == Role.LOADGEN) {
        loadgens.addAll(names);
      }
    }
    LocalCluster.cleanupLeftovers(); // of runs killed earlier (their owner is gone)
    LocalCluster cluster = LocalCluster.up(nodes, "run " + runDir.getFileName());
    try {
      NodeSpec targetNode = topology.nodes(Role.TARGET).get(0);
      List<NodeSpec> services = new ArrayList<>(topology.nodes(Role.DEPENDENCY));
      services.add(targetNode);
      for (NodeSpec n : services) {
        startService(cluster, scenario, topology, n, overrideArgs, seed, runDir,
            n == targetNode ? loadgens.get(0) : callerOf(topology, n.name()));
      }
      ClusterNode t = cluster.node(targetNode.name());
      URI target = URI.create("http://" + t.address() + ":" + targetNode.run().port());
      NamespaceEnvironment env = new NamespaceEnvironment(cluster, loadgens, target);
      env.shape(topology, shaping, runDir);
      env.description.put("kind", "namespaces");
      env.description.put("cluster", cluster.id());
      List<Map<String, Object>> described = new ArrayList<>();
      for (ClusterNode n : cluster.nodes()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", n.name());
        NodeSpec spec = specOf(topology, n.name());
        d.put("role", spec.role().key());
        d.put("runs", spec.run().kind());
        d.put("namespace", n.namespace());
        d.put("address", n.address());
        described.add(d);
      }
      env.description.put("nodes", described);
      List<Map<String, Object>> links = new ArrayList<>();
      for (LinkSpec l : topology.links()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("from", l.from());
        d.put("to", l.to());
        d.put("network", l.profile().isEmpty() ? "unshaped" : String.join(", ", l.profile().knobsSet()));
        links.add(d);
      }
      env.description.put("links", links);
      env.description.put("bridge", "every node's eth0 is a veth to bridge br0 in " + cluster.hubNamespace());
      env.description.put("target", targetNode.run().kind() + " in node '" + targetNode.name() + "' on " + target);
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

  private static NodeSpec specOf(Topology t, String clusterNodeName) {
    for (NodeSpec n : t.nodes()) {
      if (n.name().equals(clusterNodeName)
          || (n.role() == Role.LOADGEN && replicaNames(n.name(), n.count()).contains(clusterNodeName))) {
        return n;
      }
    }
    throw new IllegalStateException("no node " + clusterNodeName);
  }

  /** A node that calls {@code name} (health checks are made from where the calls come). */
  private static String callerOf(Topology t, String name) {
    for (LinkSpec l : t.linksTo(name)) {
      NodeSpec from = t.node(l.from()).orElseThrow();
      return from.role() == Role.LOADGEN ? replicaNames(from.name(), from.count()).get(0) : from.name();
    }
    throw new IllegalStateException("nothing calls " + name);
  }

  private static void startService(LocalCluster cluster, Scenario scenario, Topology topology, NodeSpec n,
      List<String> overrideArgs, long seed, Path runDir, String checkFrom) {
    List<String> command;
    String port = Integer.toString(n.run().port());
    if (n.run() instanceof NodeRun.Demo) {
      List<String> args = new ArrayList<>(List.of("demo-service", "--host", "0.0.0.0", "--port", port,
          "--scenario", scenario.file().toAbsolutePath().toString(), "--seed", Long.toString(seed)));
      if (scenario.environment().topology() != null) {
        args.addAll(List.of("--node", n.name()));
        for (NodeSpec other : topology.nodes()) {
          if (other.role() != Role.LOADGEN && other != n) {
            args.addAll(List.of("--peer", other.name() + "=http://" + cluster.node(other.name()).address() + ":"
                + other.run().port() + "/"));
          }
        }
      }
      args.addAll(overrideArgs);
      command = LocalCluster.javaCommand(MAIN, args);
    } else if (n.run() instanceof NodeRun.Stub) {
      command = LocalCluster.javaCommand("io.perftwin.infra.StubService", List.of("0.0.0.0", port));
    } else if (n.run() instanceof NodeRun.Command c) {
      command = c.argv();
    } else {
      throw new IllegalStateException("a " + n.run().kind() + " node runs no service");
    }
    Path log = runDir.resolve("logs").resolve(n.name() + ".log");
    NodeProcess process = cluster.start(n.name(), command, log);
    String url = "http://" + cluster.node(n.name()).address() + ":" + port + n.run().healthPath();
    try {
      cluster.awaitHttp(checkFrom, url, HEALTH_TIMEOUT);
    } catch (RuntimeException e) {
      String why = process.exitCode().isPresent()
          ? "node '" + n.name() + "': " + String.join(" ", command.subList(0, Math.min(command.size(), 1)))
              + "… exited at once with code " + process.exitCode().getAsInt()
          : "node '" + n.name() + "' did not answer " + url + " within " + HEALTH_TIMEOUT.toSeconds() + " s";
      throw new ClusterException(why + "; its log: " + log + lastLines(log), e);
    }
  }

  /** Applies each loadgen link's kernel knobs on the veths of its two ends; writes the proxy toxics of its agents. */
  private void shape(Topology topology, ShapingSetup shaping, Path runDir) {
    ClusterNode target = cluster.node(topology.nodes(Role.TARGET).get(0).name());
    for (NodeSpec n : topology.nodes(Role.LOADGEN)) {
      ShapingSetup.LinkPlan lp = shaping.from(n.name());
      if (lp == null) {
        continue;
      }
      for (String replica : replicaNames(n.name(), n.count())) {
        if (!lp.plan().assignments(Backend.KERNEL).isEmpty()) {
          applied.add(KernelShaper.apply(lp.link().profile(), lp.plan(),
              new KernelShaper.Link(cluster.node(replica).namespace(), "eth0", target.namespace(), "eth0")));
        }
        if (!lp.plan().proxyToxics().isEmpty()) {
          Path file = runDir.resolve("shaping").resolve(replica + ".toxics.json");
          ProxyFront.write(file, lp.plan().proxyToxics());
          toxicsFiles.put(replica, file);
        }
      }
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
      if (toxicsFiles.containsKey(loadgens.get(i))) {
        args.addAll(List.of("--proxy-toxics", toxicsFiles.get(loadgens.get(i)).toString()));
      }
      args.addAll(overrideArgs);
      agents.add(cluster.start(loadgens.get(i), LocalCluster.javaCommand(MAIN, args),
          runDir.resolve("logs").resolve(loadgens.get(i) + ".log")));
    }
    Tail tail = new Tail(agents.get(0).log(), out);
    LinkTraffic traffic = new LinkTraffic(cluster.nodes(), System.nanoTime());
    traffic.sample(System.nanoTime());
    long nextSample = System.nanoTime() + 1_000_000_000L;
    boolean stopping = false;
    try {
      for (NodeProcess a : agents) {
        while (!a.waitFor(Duration.ofMillis(100))) {
          if (System.nanoTime() >= nextSample) {
            traffic.sample(System.nanoTime());
            nextSample += 1_000_000_000L;
          }
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
      traffic.sample(System.nanoTime());
      traffic.write(runDir.resolve("link-traffic.json"));
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
    RuntimeException failure = null;
    for (Applied a : applied) {
      try {
        a.close();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    cluster.close();
    if (failure != null) {
      throw failure;
    }
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
