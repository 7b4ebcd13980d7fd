package io.perftwin.infra.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local cluster for real: namespaces, bridge, veths, a demo service in the target node and
 * requests from the loadgen node. Needs root (or CAP_SYS_ADMIN) and iproute2; skipped otherwise.
 */
@Tag("privileged")
class LocalClusterTest {

  @BeforeEach
  void needsNamespaces() {
    try {
      LocalCluster.checkAvailable();
    } catch (ClusterException e) {
      Assumptions.abort("skipped: " + e.getMessage());
    }
  }

  @Test
  void demoServiceInTargetAnswersRequestsFromLoadgenAndNothingIsLeft(@TempDir Path run) throws Exception {
    LocalCluster cluster = LocalCluster.up(LocalCluster.DEFAULT_NODES, "test");
    NodeProcess demo;
    String id = cluster.id();
    try {
      ClusterNode target = cluster.node("target");
      assertEquals("pt-" + id + "-target", target.namespace());
      assertEquals("10.77.0.3", target.address());
      assertEquals("10.77.0.2", cluster.node("loadgen").address());
      assertTrue(Files.exists(ClusterState.DIR.resolve("pt-" + id + ".properties")));
      for (ClusterNode n : cluster.nodes()) {
        assertTrue(IpCommand.run("ip", "-n", n.namespace(), "link", "show", "lo").contains("UP"), n + ": lo down");
      }

      demo = cluster.start("target", LocalCluster.javaCommand(DemoNodeMain.class.getName(), List.of(target.address(), "8080")),
          run.resolve("logs/target.log"));
      String url = "http://" + target.address() + ":8080/";
      cluster.awaitHttp("loadgen", url + "health", Duration.ofSeconds(30));
      for (int i = 0; i < 5; i++) {
        assertEquals("200", cluster.exec("loadgen", List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url + "item")));
      }
      assertTrue(Files.readString(run.resolve("logs/target.log")).contains("demo node listening on 10.77.0.3:8080"));
      // The target's address does not exist in the root namespace.
      assertFalse(IpCommand.run("ip", "-4", "addr").contains("10.77.0."));
    } finally {
      cluster.close();
    }
    cluster.close(); // idempotent
    assertFalse(demo.isAlive(), "demo service still running");
    assertTrue(LocalCluster.perftwinNamespaces().stream().noneMatch(ns -> ns.contains(id)), "namespaces left");
    assertFalse(Files.exists(ClusterState.DIR.resolve("pt-" + id + ".properties")), "state file left");
  }

  @Test
  void bringUpFailingHalfWayLeavesNothing() {
    List<String> before = LocalCluster.perftwinNamespaces();
    List<String> statesBefore = ClusterState.ids();
    ClusterException e = assertThrows(ClusterException.class, () -> LocalCluster.up(LocalCluster.DEFAULT_NODES, "test", false,
        List.of("10.77.0.2", "10.77.0.999"), ProcessHandle.current()));
    assertTrue(e.getMessage().contains("addr add 10.77.0.999/24 dev eth0"), e.getMessage());
    assertEquals(before, LocalCluster.perftwinNamespaces());
    assertEquals(statesBefore, ClusterState.ids());
  }

  @Test
  void cleanupLeftoversRemovesClustersWhoseOwnerIsGoneOnly() throws Exception {
    Process owner = new ProcessBuilder("true").start();
    owner.waitFor(10, TimeUnit.SECONDS);
    LocalCluster orphan = LocalCluster.up(LocalCluster.DEFAULT_NODES, "orphan", false, null, owner.toHandle());
    try (LocalCluster mine = LocalCluster.up(LocalCluster.DEFAULT_NODES, "mine")) {
      assertTrue(LocalCluster.status().stream().anyMatch(s -> s.id().equals(orphan.id()) && s.leftover()));
      List<String> removed = LocalCluster.cleanupLeftovers();
      assertTrue(removed.contains(orphan.id()), removed.toString());
      assertFalse(removed.contains(mine.id()));
      List<String> left = LocalCluster.perftwinNamespaces();
      assertTrue(left.stream().noneMatch(ns -> ns.contains(orphan.id())), left.toString());
      assertEquals(3, left.stream().filter(ns -> ns.contains(mine.id())).count(), left.toString());
      assertTrue(ClusterState.read(orphan.id()).isEmpty());
    } finally {
      orphan.close(); // nothing left to do: idempotent
    }
  }

  @Test
  void aRunnerKilledWithSigkillLeavesALeftoverThatCleanupRemoves(@TempDir Path dir) throws Exception {
    Process owner = new ProcessBuilder(LocalCluster.javaCommand(ClusterOwnerMain.class.getName(),
        List.of(dir.resolve("target.log").toString()))).redirectError(dir.resolve("owner.err").toFile()).start();
    String id;
    long demoPid;
    try {
      String line = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream())).readLine();
      assertTrue(line != null && line.startsWith("READY "), "owner said " + line + "; " + Files.readString(dir.resolve("owner.err")));
      String[] parts = line.split(" ");
      id = parts[1];
      demoPid = Long.parseLong(parts[2]);
    } finally {
      owner.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
      owner.waitFor(10, TimeUnit.SECONDS);
    }
    ProcessHandle demo = ProcessHandle.of(demoPid).orElse(null);
    if (demo != null) {
      // The watchdog polls every 250 ms; 10 s is for a busy 2-core machine.
      demo.onExit().get(10, TimeUnit.SECONDS);
    }
    assertTrue(LocalCluster.status().stream().anyMatch(s -> s.id().equals(id) && s.leftover()), LocalCluster.status().toString());
    assertTrue(LocalCluster.cleanupLeftovers().contains(id));
    assertTrue(LocalCluster.perftwinNamespaces().stream().noneMatch(ns -> ns.contains(id)));
    assertTrue(ClusterState.read(id).isEmpty());
  }

  @Test
  void badNodeNamesAreRefusedBeforeAnythingIsCreated() {
    assertThrows(IllegalArgumentException.class, () -> LocalCluster.up(List.of("target", "target"), "x"));
    assertThrows(IllegalArgumentException.class, () -> LocalCluster.up(List.of("Target"), "x"));
  }
}
