package io.perftwin.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code twin run} with an objective from an OpenSLO file that cannot pass: exit 1, in every report. */
@Tag("slow")
class OpenSloRunTest {
  private static final String IMPOSSIBLE = "p99 < 0.001ms (OpenSLO impossible)";

  @TempDir Path dir;

  @Test
  void failingOpenSloObjectiveFailsTheRunAndIsReported() throws IOException {
    Files.writeString(dir.resolve("impossible.yaml"), """
        apiVersion: openslo/v1
        kind: SLO
        metadata: {name: impossible}
        spec:
          indicator:
            spec:
              thresholdMetric:
                metricSource: {type: perftwin, spec: {metric: p99}}
          budgetingMethod: Occurrences
          objectives:
            - {op: lt, value: 0.001}
        """);
    Path scenario = dir.resolve("scenario.yaml");
    Files.writeString(scenario, Files.readString(Path.of("quickstart.yaml")).replace("name: quickstart", "name: openslo-e2e")
        + "sloFiles: [impossible.yaml]\n");
    Path runs = dir.resolve("runs");
    StringWriter err = new StringWriter();
    // A 1-2 s warm-up right after JVM start leaves the JIT cold: on a loaded 2-core machine the
    // schedule lag can pass the 10 ms default and make the run invalid (exit 3). This test is about
    // SLOs and reporting, not the generator's validity (tested in loadgen), so the limit is relaxed.
    int code = TwinCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "run", scenario.toString(), "--out", runs.toString(), "--duration", "2s",
        "--set", "load.phases.0.warmup.duration=1s", "--set", "load.maxScheduleLag=1s");
    assertEquals(1, code, err::toString);
    List<Path> folders;
    try (Stream<Path> s = Files.list(runs)) {
      folders = s.toList();
    }
    assertEquals(1, folders.size());
    Path run = folders.get(0);
    JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
    assertEquals("fail", summary.get("verdict").asText());
    JsonNode slo = summary.get("slo");
    assertEquals(4, slo.size(), slo.toString());
    JsonNode last = slo.get(3);
    assertEquals(IMPOSSIBLE, last.get("objective").asText());
    assertFalse(last.get("pass").asBoolean());
    for (int i = 0; i < 3; i++) {
      assertTrue(slo.get(i).get("pass").asBoolean(), slo.get(i).toString());
    }
    String junit = Files.readString(run.resolve("junit.xml"));
    assertTrue(junit.contains(IMPOSSIBLE.replace("<", "&lt;")), junit);
    assertTrue(junit.contains("<failure"), junit);
  }
}
