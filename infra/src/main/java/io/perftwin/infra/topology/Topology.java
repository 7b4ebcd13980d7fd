package io.perftwin.infra.topology;

import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.shaping.NetworkProfile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The nodes of a twin and the shaped links between them: the {@code environment:} section of a
 * scenario. The same topology is brought up locally (network namespaces) or synthesized for a
 * staging cluster (Terraform).
 *
 * <p>A topology is built freely and checked with {@link #problems()} (every mistake, each naming
 * its path in the scenario file) or {@link #validated()} (throws {@link TopologyException}). Rules:
 * node names are unique and match {@value #NAME_PATTERN}; there is at least one load generator and
 * at least one target; counts are >= 1 (at most {@value #MAX_COUNT}); a load generator runs the
 * agent and any other node runs a service (demo, stub or a command with a program, a port 1–65535
 * and a health path starting with {@code /}); links join two different declared nodes, never end
 * at a load generator, and appear once per pair; every target is reachable from a load generator
 * and every dependency from a target, through links.
 *
 * @param nodes in declaration order
 * @param links in declaration order
 */
public record Topology(List<NodeSpec> nodes, List<LinkSpec> links) {
  /** Node names: lower-case letters and digits, starting with a letter, at most 15 characters. */
  public static final String NAME_PATTERN = "[a-z][a-z0-9]{0,14}";
  /** The most replicas of one node. */
  public static final int MAX_COUNT = 1000;
  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
  private static final String PATH = "environment";

  public Topology {
    nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
    links = List.copyOf(Objects.requireNonNull(links, "links"));
  }

  /**
   * The topology of a scenario without {@code environment:}: one load generator {@code loadgen}
   * and the demo service {@code target} with its defaults, joined by an unshaped link (the
   * scenario's {@code network:} section, if any, is applied to that link by the caller via {@link
   * #withNetwork(NetworkProfile)}).
   */
  public static Topology defaults() {
    return new Topology(
        List.of(NodeSpec.loadgen("loadgen", 1),
            new NodeSpec("target", Role.TARGET, 1, new NodeRun.Demo(DemoServiceConfig.DEFAULT))),
        List.of(new LinkSpec("loadgen", "target", NetworkProfile.NONE)));
  }

  /** This topology with {@code profile} on every link that starts at a load generator. */
  public Topology withNetwork(NetworkProfile profile) {
    List<LinkSpec> shaped = new ArrayList<>();
    for (LinkSpec link : links) {
      boolean fromLoadgen = node(link.from()).map(n -> n.role() == Role.LOADGEN).orElse(false);
      shaped.add(fromLoadgen ? new LinkSpec(link.from(), link.to(), profile) : link);
    }
    return new Topology(nodes, shaped);
  }

  /** The node called {@code name}, if declared. */
  public Optional<NodeSpec> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** Nodes in {@code role}, in declaration order. */
  public List<NodeSpec> nodes(Role role) {
    return nodes.stream().filter(n -> n.role() == role).toList();
  }

  /** Links ending at {@code name}, in declaration order. */
  public List<LinkSpec> linksTo(String name) {
    return links.stream().filter(l -> l.to().equals(name)).toList();
  }

  /** Total load-generator replicas: the number of shares the offered rate is split into. */
  public int loadgenReplicas() {
    return nodes(Role.LOADGEN).stream().mapToInt(NodeSpec::count).sum();
  }

  /** This topology if {@link #problems()} is empty. */
  public Topology validated() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new TopologyException(problems);
    }
    return this;
  }

  /** Every mistake in this topology, one line each, starting with its scenario-file path. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    Map<String, NodeSpec> byName = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      NodeSpec node = nodes.get(i);
      String at = PATH + ".nodes[" + i + "]";
      if (!NAME.matcher(node.name()).matches()) {
        problems.add(at + ".name: '" + node.name() + "' is not a valid node name; use " + NAME_PATTERN
            + " (lower-case letters and digits, starting with a letter, at most 15)");
      } else if (byName.containsKey(node.name())) {
        problems.add(at + ".name: duplicate node name '" + node.name() + "'; it is already environment.nodes["
            + nodes.indexOf(byName.get(node.name())) + "]");
        continue;
      }
      byName.putIfAbsent(node.name(), node);
      if (node.count() < 1 || node.count() > MAX_COUNT) {
        problems.add(at + ".count: must be between 1 and " + MAX_COUNT + ", was " + node.count());
      }
      runProblems(at, node, problems);
    }
    if (nodes(Role.LOADGEN).isEmpty()) {
      problems.add(PATH + ".nodes: no node with role loadgen; at least one is needed");
    }
    if (nodes(Role.TARGET).isEmpty()) {
      problems.add(PATH + ".nodes: no node with role target; at least one is needed");
    }
    String known = String.join(", ", byName.keySet());
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < links.size(); i++) {
      LinkSpec link = links.get(i);
      String at = PATH + ".links[" + i + "]";
      boolean ok = true;
      if (!byName.containsKey(link.from())) {
        problems.add(at + ".from: unknown node '" + link.from() + "'; nodes are: " + known);
        ok = false;
      }
      if (!byName.containsKey(link.to())) {
        problems.add(at + ".to: unknown node '" + link.to() + "'; nodes are: " + known);
        ok = false;
      }
      if (!ok) {
        continue;
      }
      if (link.from().equals(link.to())) {
        problems.add(at + ": a link joins two different nodes, both ends are '" + link.from() + "'");
      } else if (byName.get(link.to()).role() == Role.LOADGEN) {
        problems.add(at + ".to: '" + link.to() + "' is a load generator; links start at a load generator, never end at one");
      } else if (!pairs.add(link.from() + " " + link.to())) {
        problems.add(at + ": duplicate link from '" + link.from() + "' to '" + link.to() + "'");
      }
    }
    reachability(byName, problems);
    return problems;
  }

  private static void runProblems(String at, NodeSpec node, List<String> problems) {
    NodeRun run = node.run();
    if (node.role() == Role.LOADGEN) {
      if (!(run instanceof NodeRun.Agent)) {
        problems.add(at + ".service: a loadgen node runs the perftwin agent, not '" + run.kind() + "'");
      }
      return;
    }
    if (run instanceof NodeRun.Agent) {
      problems.add(at + ".service: a " + node.role().key() + " node needs a service: demo, stub or command");
    }
    if (run instanceof NodeRun.Command command) {
      if (command.argv().isEmpty() || command.argv().get(0).isBlank()) {
        problems.add(at + ".command: empty; give the program and its arguments, e.g. [./server, --port, '9000']");
      }
      if (command.port() < 1 || command.port() > 65535) {
        problems.add(at + ".port: must be between 1 and 65535, was " + command.port());
      }
      if (!command.healthPath().startsWith("/")) {
        problems.add(at + ".health: must be an HTTP path starting with '/', was '" + command.healthPath() + "'");
      }
    }
  }

  /** Targets must be reachable from a load generator, dependencies from a target. */
  private void reachability(Map<String, NodeSpec> byName, List<String> problems) {
    Set<String> fromLoadgens = reach(byName, Role.LOADGEN);
    Set<String> fromTargets = reach(byName, Role.TARGET);
    for (int i = 0; i < nodes.size(); i++) {
      NodeSpec node = nodes.get(i);
      if (byName.get(node.name()) != node) {
        continue;
      }
      String at = PATH + ".nodes[" + i + "]";
      if (node.role() == Role.TARGET && !fromLoadgens.contains(node.name())) {
        problems.add(at + ": target '" + node.name() + "' is not reachable from any load generator; add a link {from: "
            + firstName(Role.LOADGEN, "loadgen") + ", to: " + node.name() + "}");
      }
      if (node.role() == Role.DEPENDENCY && !fromTargets.contains(node.name())) {
        problems.add(at + ": dependency '" + node.name() + "' is not reachable from any target; add a link {from: "
            + firstName(Role.TARGET, "target") + ", to: " + node.name() + "}");
      }
    }
  }

  private String firstName(Role role, String fallback) {
    return nodes(role).stream().map(NodeSpec::name).findFirst().orElse(fallback);
  }

  private Set<String> reach(Map<String, NodeSpec> byName, Role start) {
    Set<String> seen = byName.values().stream().filter(n -> n.role() == start)
        .map(NodeSpec::name).collect(Collectors.toCollection(HashSet::new));
    Deque<String> todo = new ArrayDeque<>(seen);
    while (!todo.isEmpty()) {
      String from = todo.poll();
      for (LinkSpec link : links) {
        if (link.from().equals(from) && byName.containsKey(link.to()) && seen.add(link.to())) {
          todo.add(link.to());
        }
      }
    }
    return seen;
  }
}
