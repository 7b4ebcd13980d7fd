package io.perftwin.infra.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A local cluster in Linux network namespaces (see docs/environments.md).
 *
 * <p>Layout for a cluster with id {@code abc123} (6 random hex digits): a hub namespace {@code
 * pt-abc123-hub} holding the bridge {@code br0}; per node a namespace {@code pt-abc123-<node>} with
 * {@code lo} up and {@code eth0}, one end of a veth pair whose other end ({@code veth<i>}) is a port
 * of {@code br0}. Node i (in topology order) has {@value #SUBNET_PREFIX}{@code (i+2)/24}; those
 * addresses exist only inside this cluster's namespaces, so clusters never see each other and the
 * host's interfaces are never touched. Every command is {@code ip} (iproute2).
 *
 * <p>Ownership: the state file {@code /run/perftwin/pt-<id>.properties} records the owner's pid and
 * start time (or that the cluster is kept, for {@code twin env up}). It is written before the first
 * namespace exists and removed after the last is gone. {@link #cleanupLeftovers()} removes the
 * namespaces of clusters whose owner is gone and of {@code pt-} namespaces without a state file.
 *
 * <p>{@link #close()} stops the processes started in the cluster, deletes its namespaces (which
 * deletes their veths and the bridge) and its state file; it is idempotent and also runs when
 * bring-up fails half-way.
 */
public final class LocalCluster implements AutoCloseable {
  /** Every namespace perftwin creates starts with this. */
  public static final String PREFIX = "pt-";
  /** The fixed private range of every cluster; a cluster's addresses exist only inside its namespaces. */
  public static final String ADDRESS_RANGE = "10.77.0.0/24";
  static final String SUBNET_PREFIX = "10.77.0.";
  /** Nodes of the default topology. */
  public static final List<String> DEFAULT_NODES = List.of("loadgen", "target");
  /** Node names become namespace names; kept short and plain. */
  private static final Pattern NODE_NAME = Pattern.compile("[a-z][a-z0-9]{0,14}");
  private static final Pattern CLUSTER_ID = Pattern.compile("[0-9a-f]{6}");
  private static final int MAX_NODES = 200;
  static final String NOT_PRIVILEGED =
      "network namespaces need root (or CAP_SYS_ADMIN); run as root or use the loopback environment";

  private final ClusterState state;
  private final List<NodeProcess> processes = new ArrayList<>();
  private boolean closed;

  private LocalCluster(ClusterState state) {
    this.state = state;
  }

  /** Brings up a cluster owned by this process: {@link #cleanupLeftovers()} removes it if this process dies. */
  public static LocalCluster up(List<String> nodeNames, String label) {
    return up(nodeNames, label, false, null, ProcessHandle.current());
  }

  /** Brings up a cluster that outlives this process, until {@link #removeKept(String)} ({@code twin env up}). */
  public static LocalCluster upKept(List<String> nodeNames, String label) {
    return up(nodeNames, label, true, null, ProcessHandle.current());
  }

  /**
   * Bring-up with test hooks: {@code addresses} replaces the address plan (null: the default plan),
   * {@code owner} the owning process.
   */
  static LocalCluster up(List<String> nodeNames, String label, boolean kept, List<String> addresses, ProcessHandle owner) {
    checkNodeNames(nodeNames);
    checkAvailable();
    String id = newId();
    List<ClusterNode> nodes = new ArrayList<>();
    for (int i = 0; i < nodeNames.size(); i++) {
      String address = addresses != null ? addresses.get(i) : SUBNET_PREFIX + (i + 2);
      nodes.add(new ClusterNode(nodeNames.get(i), PREFIX + id + "-" + nodeNames.get(i), address));
    }
    ClusterState state = new ClusterState(id, label == null ? "" : label, owner.pid(), ClusterState.startOf(owner), kept,
        PREFIX + id + "-hub", List.copyOf(nodes));
    state.write();
    LocalCluster cluster = new LocalCluster(state);
    try {
      cluster.build();
      return cluster;
    } catch (RuntimeException e) {
      try {
        cluster.close();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void build() {
    String hub = state.hubNamespace();
    IpCommand.run("ip", "netns", "add", hub);
    IpCommand.run("ip", "-n", hub, "link", "set", "lo", "up");
    IpCommand.run("ip", "-n", hub, "link", "add", "br0", "type", "bridge");
    IpCommand.run("ip", "-n", hub, "link", "set", "br0", "up");
    for (int i = 0; i < state.nodes().size(); i++) {
      ClusterNode n = state.nodes().get(i);
      String hubPort = "veth" + i;
      IpCommand.run("ip", "netns", "add", n.namespace());
      IpCommand.run("ip", "-n", n.namespace(), "link", "set", "lo", "up");
      IpCommand.run("ip", "-n", hub, "link", "add", hubPort, "type", "veth", "peer", "name", "eth0", "netns", n.namespace());
      IpCommand.run("ip", "-n", hub, "link", "set", hubPort, "master", "br0");
      IpCommand.run("ip", "-n", hub, "link", "set", hubPort, "up");
      IpCommand.run("ip", "-n", n.namespace(), "addr", "add", n.address() + "/24", "dev", "eth0");
      IpCommand.run("ip", "-n", n.namespace(), "link", "set", "eth0", "up");
    }
  }

  public String id() {
    return state.id();
  }

  public String label() {
    return state.label();
  }

  public String hubNamespace() {
    return state.hubNamespace();
  }

  public List<ClusterNode> nodes() {
    return state.nodes();
  }

  public ClusterNode node(String name) {
    for (ClusterNode n : state.nodes()) {
      if (n.name().equals(name)) {
        return n;
      }
    }
    throw new IllegalArgumentException("no node '" + name + "' in cluster " + state.id() + "; nodes: " + nodeNames());
  }

  private List<String> nodeNames() {
    return state.nodes().stream().map(ClusterNode::name).toList();
  }

  /**
   * Starts {@code command} in {@code node}'s namespace, its output and errors appended to {@code
   * log}. The process gets {@value ParentWatchdog#ENV} = this process's pid, so a perftwin JVM ends
   * itself when this process is killed. It is stopped by {@link #close()}.
   */
  public synchronized NodeProcess start(String node, List<String> command, Path log) {
    if (closed) {
      throw new IllegalStateException("cluster " + state.id() + " is closed");
    }
    ClusterNode n = node(node);
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", n.namespace()));
    full.addAll(command);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder pb = new ProcessBuilder(full)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().put(ParentWatchdog.ENV, Long.toString(ProcessHandle.current().pid()));
      NodeProcess p = new NodeProcess(n, pb.start(), log);
      processes.add(p);
      return p;
    } catch (IOException e) {
      throw new ClusterException("cannot start in node " + node + ": " + String.join(" ", full) + ": " + e.getMessage(), e);
    }
  }

  /** Command line running {@code mainClass} on this JVM's class path with this JVM's java. */
  public static List<String> javaCommand(String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** Runs {@code command} to completion in {@code node}'s namespace; its standard output, or an error with its stderr. */
  public String exec(String node, List<String> command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", node(node).namespace()));
    full.addAll(command);
    return IpCommand.run(full);
  }

  /**
   * Waits until {@code url} answers 2xx when asked from inside {@code fromNode} (a health check
   * from where the load will come); throws with the last answer otherwise.
   */
  public void awaitHttp(String fromNode, String url, Duration timeout) {
    exec(fromNode, javaCommand(HttpProbe.class.getName(), List.of(url, Long.toString(timeout.toMillis()))));
  }

  /** Stops the processes, deletes the namespaces (with their veths and bridge) and the state file. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (NodeProcess p : processes) {
      p.close();
    }
    remove(state);
  }

  /** Removes a cluster: kills whatever still runs in its namespaces, deletes those that exist, then its state file. */
  private static void remove(ClusterState state) {
    Set<String> existing = new HashSet<>(perftwinNamespaces());
    List<String> failures = new ArrayList<>();
    for (String ns : new java.util.LinkedHashSet<>(state.namespaces())) {
      if (!existing.remove(ns)) {
        continue;
      }
      try {
        killAllIn(ns);
        IpCommand.run("ip", "netns", "delete", ns);
      } catch (RuntimeException e) {
        failures.add(e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new ClusterException("cluster " + state.id() + " not fully removed: " + String.join("; ", failures));
    }
    state.delete();
  }

  private static void killAllIn(String ns) {
    String pids = IpCommand.run("ip", "netns", "pids", ns);
    List<ProcessHandle> handles = new ArrayList<>();
    for (String line : pids.split("\\s+")) {
      if (!line.isBlank()) {
        ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(handles::add);
      }
    }
    for (ProcessHandle h : handles) {
      h.destroyForcibly();
    }
    for (ProcessHandle h : handles) {
      try {
        h.onExit().get(NodeProcess.STOP_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        throw new ClusterException("process " + h.pid() + " in namespace " + ns + " did not end after SIGKILL");
      }
    }
  }

  /** One perftwin cluster found on this host. */
  public record Status(String id, String label, List<String> namespaces, String owner, boolean leftover) {
    public String describe() {
      return String.format(Locale.ROOT, "%s%s  %s  %s  %s", PREFIX, id, label.isEmpty() ? "-" : label, owner,
          leftover ? "leftover (cleanupLeftovers removes it)" : String.join(" ", namespaces));
    }
  }

  /** Every perftwin cluster on this host: from the state files and the {@code pt-} namespaces. */
  public static List<Status> status() {
    Map<String, List<String>> byId = new LinkedHashMap<>();
    for (String id : ClusterState.ids()) {
      byId.put(id, new ArrayList<>());
    }
    for (String ns : perftwinNamespaces()) {
      byId.computeIfAbsent(ns.substring(PREFIX.length(), PREFIX.length() + 6), k -> new ArrayList<>()).add(ns);
    }
    List<Status> result = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byId.entrySet()) {
      Optional<ClusterState> s = ClusterState.read(e.getKey());
      String owner;
      boolean leftover;
      if (s.isEmpty()) {
        owner = "no state file";
        leftover = true;
      } else if (s.get().kept()) {
        owner = "kept (twin env up)";
        leftover = false;
      } else {
        leftover = !s.get().ownerAlive();
        owner = "owner pid " + s.get().ownerPid() + (leftover ? " (gone)" : "");
      }
      result.add(new Status(e.getKey(), s.map(ClusterState::label).orElse(""), List.copyOf(e.getValue()), owner, leftover));
    }
    return result;
  }

  /** Removes every leftover cluster (owner gone, or no state file); returns their ids. */
  public static List<String> cleanupLeftovers() {
    List<String> removed = new ArrayList<>();
    for (Status s : status()) {
      if (s.leftover()) {
        removeById(s.id());
        removed.add(s.id());
      }
    }
    return removed;
  }

  /** Removes the kept clusters with this label (any label when null); returns their ids. */
  public static List<String> removeKept(String label) {
    List<String> removed = new ArrayList<>();
    for (String id : ClusterState.ids()) {
      Optional<ClusterState> s = ClusterState.read(id);
      if (s.isPresent() && s.get().kept() && (label == null || label.equals(s.get().label()))) {
        remove(s.get());
        removed.add(id);
      }
    }
    return removed;
  }

  private static void removeById(String id) {
    ClusterState s = ClusterState.read(id).orElse(null);
    List<String> namespaces = new ArrayList<>();
    for (String ns : perftwinNamespaces()) {
      if (ns.startsWith(PREFIX + id + "-")) {
        namespaces.add(ns);
      }
    }
    // The namespaces found on the host, whatever the state file says (it may be damaged or missing).
    List<ClusterNode> asNodes = namespaces.stream().map(ns -> new ClusterNode(ns, ns, "")).toList();
    remove(new ClusterState(id, "", -1, "", false, s != null ? s.hubNamespace() : PREFIX + id + "-hub", asNodes));
  }

  /** Names of the {@code pt-<6 hex>-…} namespaces on this host. */
  public static List<String> perftwinNamespaces() {
    String out = IpCommand.run("ip", "netns", "list");
    List<String> names = new ArrayList<>();
    for (String line : out.split("\n")) {
      String name = line.strip().split("\\s+")[0];
      if (isPerftwinNamespace(name)) {
        names.add(name);
      }
    }
    return names;
  }

  static boolean isPerftwinNamespace(String name) {
    return name.length() > PREFIX.length() + 7 && name.startsWith(PREFIX)
        && isClusterId(name.substring(PREFIX.length(), PREFIX.length() + 6)) && name.charAt(PREFIX.length() + 6) == '-';
  }

  static boolean isClusterId(String s) {
    return CLUSTER_ID.matcher(s).matches();
  }

  /** Throws with a clear message unless this process may create network namespaces with {@code ip}. */
  public static void checkAvailable() {
    if (!hasSysAdmin()) {
      throw new ClusterException(NOT_PRIVILEGED);
    }
    IpCommand.Result r;
    try {
      r = IpCommand.tryRun(List.of("ip", "netns", "list"));
    } catch (ClusterException e) {
      throw new ClusterException("network namespaces need iproute2's 'ip' command: " + e.getMessage(), e);
    }
    if (r.exitCode() != 0) {
      throw new ClusterException("'ip netns list' failed (exit " + r.exitCode() + "): " + r.stderr().strip());
    }
  }

  /** CAP_SYS_ADMIN (bit 21) in this process's effective capabilities. */
  static boolean hasSysAdmin() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("CapEff:")) {
          long caps = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
          return (caps & (1L << 21)) != 0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return false;
    }
    return false;
  }

  private static void checkNodeNames(List<String> names) {
    if (names.isEmpty() || names.size() > MAX_NODES) {
      throw new IllegalArgumentException("a cluster has 1 to " + MAX_NODES + " nodes, not " + names.size());
    }
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!NODE_NAME.matcher(n).matches() || n.equals("hub")) {
        throw new IllegalArgumentException("node name '" + n + "' must match " + NODE_NAME + " and not be 'hub'");
      }
      if (!seen.add(n)) {
        throw new IllegalArgumentException("duplicate node name '" + n + "'");
      }
    }
  }

  private static String newId() {
    SecureRandom random = new SecureRandom();
    Set<String> taken = new HashSet<>(ClusterState.ids());
    for (String ns : perftwinNamespaces()) {
      taken.add(ns.substring(PREFIX.length(), PREFIX.length() + 6));
    }
    while (true) {
      String id = String.format(Locale.ROOT, "%06x", random.nextInt(1 << 24));
      if (!taken.contains(id)) {
        return id;
      }
    }
  }

  @Override
  public String toString() {
    return "local cluster " + PREFIX + state.id() + " " + nodeNames();
  }
}
