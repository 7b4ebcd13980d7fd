package io.perftwin.infra.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.shaping.NetworkProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyTest {
  private static final NodeSpec API = new NodeSpec("api", Role.TARGET, 1, new NodeRun.Demo(DemoServiceConfig.DEFAULT));
  private static final NodeSpec DB = new NodeSpec("db", Role.DEPENDENCY, 1, NodeRun.Stub.INSTANCE);
  private static final NetworkProfile WAN = new NetworkProfile(Duration.ofMillis(20), null, null, null);

  @Test
  void defaultTopologyIsOneLoadgenAndTheDemoTarget() {
    Topology t = Topology.defaults();
    assertEquals(List.of(), t.problems());
    assertEquals(List.of("loadgen"), t.nodes(Role.LOADGEN).stream().map(NodeSpec::name).toList());
    assertEquals(new NodeRun.Demo(DemoServiceConfig.DEFAULT), t.node("target").orElseThrow().run());
    assertEquals(1, t.loadgenReplicas());
  }

  @Test
  void withNetworkShapesOnlyLinksFromLoadGenerators() {
    Topology t = new Topology(List.of(NodeSpec.loadgen("lg", 2), API, DB),
        List.of(new LinkSpec("lg", "api", null), new LinkSpec("api", "db", null))).withNetwork(WAN);
    assertEquals(WAN, t.links().get(0).profile());
    assertEquals(NetworkProfile.NONE, t.links().get(1).profile());
  }

  @Test
  void linkToUnknownNodeNamesTheLinkAndTheKnownNodes() {
    Topology t = new Topology(List.of(NodeSpec.loadgen("loadgen", 1), API),
        List.of(new LinkSpec("loadgen", "api", null), new LinkSpec("api", "db", null)));
    TopologyException e = assertThrows(TopologyException.class, t::validated);
    assertEquals(List.of("environment.links[1].to: unknown node 'db'; nodes are: loadgen, api"), e.problems());
    assertEquals("environment.links[1].to: unknown node 'db'; nodes are: loadgen, api", e.getMessage());
  }

  @Test
  void duplicateNodeNamePointsAtTheFirst() {
    Topology t = new Topology(List.of(NodeSpec.loadgen("loadgen", 1), API,
        new NodeSpec("api", Role.DEPENDENCY, 1, NodeRun.Stub.INSTANCE)), List.of(new LinkSpec("loadgen", "api", null)));
    assertEquals(List.of("environment.nodes[2].name: duplicate node name 'api'; it is already environment.nodes[1]"),
        t.problems());
  }

  @Test
  void everyMistakeIsReportedAtOnce() {
    Topology t = new Topology(List.of(new NodeSpec("Web", Role.TARGET, 0, NodeRun.Stub.INSTANCE), DB,
        new NodeSpec("cmd", Role.DEPENDENCY, 1, new NodeRun.Command(List.of(), 70000, "health"))),
        List.of(new LinkSpec("db", "db", null), new LinkSpec("x", "db", null)));
    assertEquals(List.of(
        "environment.nodes[0].name: 'Web' is not a valid node name; use [a-z][a-z0-9]{0,14} (lower-case letters and digits, starting with a letter, at most 15)",
        "environment.nodes[0].count: must be between 1 and 1000, was 0",
        "environment.nodes[2].command: empty; give the program and its arguments, e.g. [./server, --port, '9000']",
        "environment.nodes[2].port: must be between 1 and 65535, was 70000",
        "environment.nodes[2].health: must be an HTTP path starting with '/', was 'health'",
        "environment.nodes: no node with role loadgen; at least one is needed",
        "environment.links[0]: a link joins two different nodes, both ends are 'db'",
        "environment.links[1].from: unknown node 'x'; nodes are: Web, db, cmd",
        "environment.nodes[0]: target 'Web' is not reachable from any load generator; add a link {from: loadgen, to: Web}",
        "environment.nodes[1]: dependency 'db' is not reachable from any target; add a link {from: Web, to: db}",
        "environment.nodes[2]: dependency 'cmd' is not reachable from any target; add a link {from: Web, to: cmd}"),
        t.problems());
  }

  @Test
  void linksNeverEndAtALoadGeneratorAndAppearOncePerPair() {
    Topology t = new Topology(List.of(NodeSpec.loadgen("lg", 1), API),
        List.of(new LinkSpec("lg", "api", null), new LinkSpec("api", "lg", null), new LinkSpec("lg", "api", WAN)));
    assertEquals(List.of(
        "environment.links[1].to: 'lg' is a load generator; links start at a load generator, never end at one",
        "environment.links[2]: duplicate link from 'lg' to 'api'"), t.problems());
  }

  @Test
  void rolesAndServicesMustAgree() {
    Topology t = new Topology(List.of(new NodeSpec("lg", Role.LOADGEN, 1, NodeRun.Stub.INSTANCE),
        new NodeSpec("api", Role.TARGET, 1, NodeRun.Agent.INSTANCE)), List.of(new LinkSpec("lg", "api", null)));
    assertEquals(List.of(
        "environment.nodes[0].service: a loadgen node runs the perftwin agent, not 'stub'",
        "environment.nodes[1].service: a target node needs a service: demo, stub or command"), t.problems());
  }

  @Test
  void dependencyReachableThroughAnotherDependencyIsFine() {
    NodeSpec cache = new NodeSpec("cache", Role.DEPENDENCY, 2, NodeRun.Stub.INSTANCE);
    Topology t = new Topology(List.of(NodeSpec.loadgen("lg", 1), API, cache, DB),
        List.of(new LinkSpec("lg", "api", null), new LinkSpec("api", "cache", null), new LinkSpec("cache", "db", null)));
    assertSame(t, t.validated());
  }
}
