package io.perftwin.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.infra.topology.LinkSpec;
import io.perftwin.infra.topology.NodeRun;
import io.perftwin.infra.topology.NodeSpec;
import io.perftwin.infra.topology.Role;
import io.perftwin.infra.topology.Topology;
import io.perftwin.infra.topology.TopologyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingSynthTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private String synth(StagingSpec spec, String dir) throws IOException {
    SynthesizedStack stack = StagingSynth.synth(spec, tmp.resolve(dir));
    assertEquals(List.of(tmp.resolve(dir).resolve("cdk.tf.json")), stack.files());
    try (var files = Files.list(tmp.resolve(dir))) {
      assertEquals(List.of("cdk.tf.json"), files.map(p -> p.getFileName().toString()).toList(), "only the stack is left");
    }
    return Files.readString(stack.terraformJson(), StandardCharsets.UTF_8);
  }

  @Test
  void quickstartMatchesGolden() throws IOException {
    Golden.assertMatches("terraform/quickstart.cdk.tf.json", synth(Specs.quickstart(), "q"));
  }

  @Test
  void checkoutMatchesGolden() throws IOException {
    Golden.assertMatches("terraform/checkout.cdk.tf.json", synth(Specs.checkout(), "c"));
  }

  @Test
  void unshapedMatchesGolden() throws IOException {
    String json = synth(Specs.unshaped(), "u");
    Golden.assertMatches("terraform/plain.cdk.tf.json", json);
    assertFalse(json.contains("init_container"), "nothing shaped, no netem init container");
  }

  @Test
  void everyReferenceResolves() throws IOException {
    for (StagingSpec spec : List.of(Specs.quickstart(), Specs.checkout(), Specs.unshaped())) {
      JsonNode stack = JSON.readTree(synth(spec, spec.scenarioName()));
      List<String> unresolved = References.unresolved(stack);
      assertEquals(List.of(), unresolved, spec.scenarioName());
      assertTrue(References.count(stack) >= 10, "the check saw the references");
    }
  }

  @Test
  void sameSpecGivesSameBytesAndNoLocalPaths() throws IOException {
    byte[] first = Files.readAllBytes(StagingSynth.synth(Specs.checkout(), tmp.resolve("a")).terraformJson());
    byte[] second = Files.readAllBytes(StagingSynth.synth(Specs.checkout(), tmp.resolve("b/c")).terraformJson());
    assertArrayEquals(first, second);
    String text = new String(first, StandardCharsets.UTF_8);
    assertFalse(text.contains(tmp.toString()), "no output path in the stack");
    assertFalse(text.contains(System.getProperty("java.io.tmpdir")), "no scratch path in the stack");
  }

  @Test
  void providerPinnedAndBackendExplicit() throws IOException {
    JsonNode tf = JSON.readTree(synth(Specs.quickstart(), "p")).get("terraform");
    assertEquals("hashicorp/kubernetes", tf.at("/required_providers/kubernetes/source").asText());
    assertTrue(tf.at("/required_providers/kubernetes/version").asText().matches("\\d+\\.\\d+\\.\\d+"), "exact version");
    assertEquals("terraform.tfstate", tf.at("/backend/local/path").asText());
  }

  @Test
  void loadGeneratorsAreIndexedJobsSharingTheRate() throws IOException {
    JsonNode jobs = JSON.readTree(synth(Specs.checkout(), "j")).at("/resource/kubernetes_job_v1");
    assertEquals(List.of("node_eu", "node_us"), listOf(jobs.fieldNames()));
    int offset = 0;
    for (var e : Map.of("eu", 3, "us", 2).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      JsonNode spec = jobs.get("node_" + e.getKey()).get("spec");
      assertEquals("Indexed", spec.get("completion_mode").asText());
      assertEquals(e.getValue(), spec.get("parallelism").asInt());
      assertEquals(e.getValue(), spec.get("completions").asInt());
      String args = spec.at("/template/spec/container/0/args").toString();
      assertTrue(args.contains("\"--of\",\"5\""), args);
      assertTrue(args.contains("\"--index\",\"$(PERFTWIN_AGENT_INDEX)\""), args);
      assertTrue(args.contains("\"--index-offset\",\"" + offset + "\""), args);
      offset += e.getValue();
    }
  }

  @Test
  void scenarioPlaceholdersAreEscapedForTerraform() throws IOException {
    JsonNode stack = JSON.readTree(synth(Specs.quickstart(), "s"));
    String data = stack.at("/resource/kubernetes_config_map_v1/scenario/data/scenario.yaml").asText();
    assertEquals(Specs.QUICKSTART_YAML.replace("${sku}", "$${sku}"), data);
  }

  @Test
  void badTopologyFailsBeforeAnythingIsWritten() {
    Topology bad = new Topology(List.of(NodeSpec.loadgen("loadgen", 1), NodeSpec.loadgen("loadgen", 1)),
        List.of(new LinkSpec("loadgen", "db", null)));
    Path out = tmp.resolve("never");
    TopologyException e = assertThrows(TopologyException.class,
        () -> StagingSynth.synth(StagingSpec.of("Bad_Name", "", bad, 1), out));
    assertEquals(List.of(
        "name: 'Bad_Name' cannot name Kubernetes objects; use [a-z0-9]([-a-z0-9]{0,38}[a-z0-9])? (lower-case letters, digits and '-', at most 40) for staging",
        "environment.nodes[1].name: duplicate node name 'loadgen'; it is already environment.nodes[0]",
        "environment.nodes: no node with role target; at least one is needed",
        "environment.links[0].to: unknown node 'db'; nodes are: loadgen"), e.problems());
    assertFalse(Files.exists(out));
  }

  @Test
  void aLoadGeneratorDrivesOneTargetInStaging() {
    Topology two = new Topology(List.of(NodeSpec.loadgen("lg", 1),
        new NodeSpec("a", Role.TARGET, 1, NodeRun.Stub.INSTANCE), new NodeSpec("b", Role.TARGET, 1, NodeRun.Stub.INSTANCE)),
        List.of(new LinkSpec("lg", "a", null), new LinkSpec("lg", "b", null)));
    assertEquals(List.of(), two.problems());
    assertEquals(List.of("environment.links[1]: load generator 'lg' already has a link; an agent drives one target,"
        + " so give each target its own load-generator node"), StagingSpec.of("two", "", two, 1).problems());
  }

  @Test
  void outputThatIsAFileIsRejected() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StagingSynth.synth(Specs.unshaped(), file));
    assertEquals("--out: " + file + " exists and is not a directory", e.getMessage());
    assertEquals("x", Files.readString(file));
  }

  private static <T> List<T> listOf(java.util.Iterator<T> it) {
    java.util.List<T> list = new java.util.ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
