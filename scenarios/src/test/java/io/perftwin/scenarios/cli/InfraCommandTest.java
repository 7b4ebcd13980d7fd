package io.perftwin.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.scenarios.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin infra synth} through the CLI: real CDKTF synthesis (Node runs jsii). */
class InfraCommandTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int twin(String... args) {
    return TwinCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
  }

  @Test
  void synthWritesTerraformJsonForTheQuickstart() throws Exception {
    Path out = dir.resolve("stack");
    assertEquals(ExitCodes.PASS, twin("infra", "synth", "quickstart.yaml", "--out", out.toString()), err.toString());
    JsonNode json = new ObjectMapper().readTree(out.resolve("cdk.tf.json").toFile());
    assertTrue(json.path("resource").has("kubernetes_job_v1"), json.path("resource").toString());
    assertTrue(json.path("resource").has("kubernetes_deployment_v1"));
    assertTrue(json.path("resource").has("kubernetes_config_map_v1"));
  }

  @Test
  void aBadScenarioExits2AndWritesNothing() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, """
        name: bad
        target: {service: demo}
        environment:
          nodes:
            - {name: loadgen, role: loadgen}
            - {name: api, role: target, service: demo}
          links:
            - {from: loadgen, to: db}
        load:
          phases:
            - steady: {constantRate: 10/s, duration: 1s}
          requests:
            - {name: home, GET: /}
        """);
    Path out = dir.resolve("stack");
    assertEquals(ExitCodes.BAD_INPUT, twin("infra", "synth", file.toString(), "--out", out.toString()));
    assertTrue(err.toString().contains("environment.links[0].to: unknown node 'db'"), err.toString());
    assertFalse(Files.exists(out), "nothing written");
  }
}
