package io.perftwin.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.infra.cluster.LocalCluster;
import io.perftwin.scenarios.Namespaces;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.cli.TwinCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topologies written in {@code environment.nodes/links}, run for real in namespaces (root needed). */
@Tag("slow")
class TopologyRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOAD = """
      load:
        phases:
          - warm: {constantRate: 100/s, duration: 1s, warmup: true}
          - steady: {constantRate: 200/s, duration: 2s}
        requests:
          - {name: home, GET: /}
      slo:
        - p99 < 10s
      """;

  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int twin(String... args) {
    return TwinCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
  }

  private Path scenario(String environment) throws IOException {
    Path file = dir.resolve("topo.yaml");
    Files.writeString(file, "name: topo\ntarget: {service: demo}\n" + environment + LOAD);
    return file;
  }

  private List<Path> runFolders() throws IOException {
    Path runs = dir.resolve("runs");
    if (!Files.exists(runs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.toList();
    }
  }

  @Test
  void loadgenTargetAndDependencyNamespacesRunAndAreRemoved() throws Exception {
    Namespaces.assumeAvailable();
    List<String> before = LocalCluster.perftwinNamespaces();
    Path file = scenario("""
        environment:
          kind: namespaces
          nodes:
            - {name: loadgen, role: loadgen}
            - name: api
              role: target
              service: demo
              demo: {workers: 8, serviceTime: constant(1ms), endpoints: [{path: /*, downstream: db}]}
            - {name: db, role: dependency, service: stub}
          links:
            - {from: loadgen, to: api}
            - {from: api, to: db}
        """);
    int code = twin("run", file.toString(), "--out", dir.resolve("runs").toString(), "--set", "load.maxScheduleLag=5s");
    assertEquals(ExitCodes.PASS, code, err.toString());
    Path run = runFolders().get(0);
    JsonNode env = JSON.readTree(run.resolve("run.json").toFile()).path("environment");
    List<String> nodes = new ArrayList<>();
    env.path("nodes").forEach(n -> nodes.add(n.path("name").asText() + ":" + n.path("role").asText() + ":" + n.path("runs").asText()));
    assertEquals(List.of("loadgen:loadgen:agent", "api:target:demo", "db:dependency:stub"), nodes);
    JsonNode all = JSON.readTree(run.resolve("summary.json").toFile()).path("requests").path("all");
    assertEquals(400, all.path("count").asLong());
    assertEquals(0, all.path("errors").asLong(), "every call from api to db succeeded: " + all);
    // 1 ms in api plus the db stub's 5 ms, called from api's worker slot across the cluster's bridge.
    assertTrue(all.path("latencyMs").path("p50").asDouble() >= 6.0, all.toString());
    for (String log : List.of("loadgen", "api", "db")) {
      assertTrue(Files.size(run.resolve("logs/" + log + ".log")) > 0, log + ".log kept");
    }
    String cluster = env.path("cluster").asText();
    assertEquals(before, LocalCluster.perftwinNamespaces(), "no namespace left");
    assertFalse(LocalCluster.status().stream().anyMatch(s -> s.id().equals(cluster)), "no state file left");
  }

  @Test
  void aTargetCommandThatExitsAtOnceFailsTheRunAndLeavesNothing() throws Exception {
    Namespaces.assumeAvailable();
    List<String> before = LocalCluster.perftwinNamespaces();
    Path file = scenario("""
        environment:
          nodes:
            - {name: loadgen, role: loadgen}
            - {name: api, role: target, service: command, command: [/bin/false], port: 9000, health: /ready}
          links:
            - {from: loadgen, to: api}
        """);
    int code = twin("run", file.toString(), "--out", dir.resolve("runs").toString());
    assertEquals(ExitCodes.INVALID, code, err.toString());
    assertTrue(err.toString().contains("node 'api': /bin/false… exited at once with code 1"), err.toString());
    assertEquals(before, LocalCluster.perftwinNamespaces(), "no namespace left");
    Path run = runFolders().get(0);
    assertTrue(Files.exists(run.resolve("error.txt")) || Files.exists(run.resolve("run.json")), "the failure is recorded");
  }

  @Test
  void badTopologiesExit2NamingThePathAndWriteNothing() throws Exception {
    Path file = scenario("""
        environment:
          nodes:
            - {name: loadgen, role: loadgen}
            - {name: api, role: target, service: demo}
            - {name: api, role: dependency, service: stub}
          links:
            - {from: loadgen, to: api}
            - {from: api, to: db}
        """);
    int code = twin("run", file.toString(), "--out", dir.resolve("runs").toString());
    assertEquals(ExitCodes.BAD_INPUT, code);
    String e = err.toString();
    assertTrue(e.contains("environment.nodes[2].name: duplicate node name 'api'; it is already environment.nodes[1]"), e);
    assertTrue(e.contains("environment.links[1].to: unknown node 'db'; nodes are: loadgen, api"), e);
    assertTrue(e.contains("topo.yaml:"), "names the file: " + e);
    assertTrue(runFolders().isEmpty(), "nothing written");
  }
}
