package io.perftwin.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.infra.cluster.LocalCluster;
import io.perftwin.infra.cluster.NodeProcess;
import io.perftwin.scenarios.Namespaces;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin env} and {@code twin demo-service} in a cluster node, for real. */
class EnvCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int twin(String... args) {
    return TwinCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void unknownActionIsBadInput() {
    assertEquals(2, twin("env", "sideways", "quickstart.yaml"));
    assertTrue(err.toString().contains("unknown action 'sideways'; allowed: up, down, status"), err.toString());
  }

  @Test
  void upWithoutScenarioOrWithBrokenScenarioIsBadInput(@TempDir Path dir) throws Exception {
    assertEquals(2, twin("env", "up"));
    assertTrue(err.toString().contains("twin env up: a scenario file is required"), err.toString());
    assertEquals(2, twin("env", "up", dir.resolve("missing.yaml").toString()));
  }

  @Test
  @Tag("privileged")
  void withoutSysAdminUpFailsWithExit3AndSaysWhy() throws Exception {
    Namespaces.assumeAvailable();
    // Root without CAP_SYS_ADMIN in its bounding set: what an unprivileged container gets.
    List<String> cmd = new ArrayList<>(List.of("setpriv", "--bounding-set=-sys_admin", "--inh-caps=-sys_admin"));
    cmd.addAll(LocalCluster.javaCommand(Main.class.getName(), List.of("env", "up", "quickstart.yaml")));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(3, p.exitValue(), output);
    assertTrue(output.contains("network namespaces need root (or CAP_SYS_ADMIN); run as root or use the loopback environment"),
        output);
  }

  @Test
  @Tag("privileged")
  void upStatusDownLeaveNothing() {
    Namespaces.assumeAvailable();
    List<String> before = LocalCluster.perftwinNamespaces();
    assertEquals(0, twin("env", "up", "quickstart.yaml"), err.toString());
    String up = out.toString();
    assertTrue(up.contains("loadgen") && up.contains("10.77.0.2") && up.contains("target") && up.contains("10.77.0.3"), up);
    assertEquals(before.size() + 3, LocalCluster.perftwinNamespaces().size());
    assertEquals(0, twin("env", "status"));
    assertTrue(out.toString().contains("quickstart  kept (twin env up)"), out.toString());
    assertEquals(0, twin("env", "down", "quickstart.yaml"), err.toString());
    assertTrue(out.toString().contains("removed 1 cluster(s) of quickstart"), out.toString());
    assertEquals(before, LocalCluster.perftwinNamespaces());
  }

  @Test
  @Tag("privileged")
  void demoServiceCommandInTargetNodeServesTheLoadgenNode(@TempDir Path run) throws Exception {
    Namespaces.assumeAvailable();
    NodeProcess demo;
    String id;
    try (LocalCluster cluster = LocalCluster.up(LocalCluster.DEFAULT_NODES, "demo-test")) {
      id = cluster.id();
      String host = cluster.node("target").address();
      demo = cluster.start("target", LocalCluster.javaCommand(Main.class.getName(),
          List.of("demo-service", "--host", host, "--port", "8080")), run.resolve("logs/target.log"));
      String url = "http://" + host + ":8080/";
      cluster.awaitHttp("loadgen", url + "health", Duration.ofSeconds(30));
      assertEquals("200", cluster.exec("loadgen", List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url + "a")));
      assertTrue(Files.readString(run.resolve("logs/target.log")).contains("listening on http://" + host + ":8080"));
    }
    assertFalse(demo.isAlive());
    assertTrue(LocalCluster.perftwinNamespaces().stream().noneMatch(ns -> ns.contains(id)));
  }
}
