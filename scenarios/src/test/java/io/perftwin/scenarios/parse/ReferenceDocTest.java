package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.loadgen.LoadDefaults;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.Units;
import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.EnvironmentSpec;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/scenario-reference.md against the parser: the documented keys are exactly the accepted
 * ones, the documented defaults are those of {@link LoadDefaults} and
 * {@link DemoServiceConfig#DEFAULT}, and each example error is what the parser prints.
 */
class ReferenceDocTest {
  private static final String KEY_TABLE_HEADER = "| key | type and allowed values | default | meaning |";
  private static final Pattern KEY_ROW = Pattern.compile("^\\| `([^`]+)` \\| (.*?) \\| (.*?) \\| (.*) \\|$");

  private static String doc() throws IOException {
    String basedir = System.getProperty("basedir");
    Path module = basedir == null || basedir.isEmpty() ? Path.of("") : Path.of(basedir);
    return Files.readString(module.resolve("../docs/scenario-reference.md"));
  }

  /** Key path → default cell, from every table with the key-table header. */
  private static Map<String, String> documentedKeys() throws IOException {
    Map<String, String> keys = new LinkedHashMap<>();
    boolean inKeyTable = false;
    for (String line : doc().lines().toList()) {
      if (!line.startsWith("|")) {
        inKeyTable = false;
      } else if (line.equals(KEY_TABLE_HEADER)) {
        inKeyTable = true;
      } else if (inKeyTable) {
        Matcher m = KEY_ROW.matcher(line);
        if (m.matches()) {
          assertNull(keys.put(m.group(1), m.group(3)), "documented twice: " + m.group(1));
        }
      }
    }
    return keys;
  }

  @Test
  void everyAcceptedKeyIsDocumentedAndNothingElse() throws IOException {
    List<String> expected = new ArrayList<>(ScenarioBinder.KEYS);
    TargetBinder.KEYS.forEach(k -> expected.add("target." + k));
    TargetBinder.DEMO_KEYS.forEach(k -> expected.add("target.demo." + k));
    TargetBinder.PAUSE_KEYS.forEach(k -> expected.add("target.demo.pause." + k));
    TargetBinder.ENDPOINT_KEYS.forEach(k -> expected.add("target.demo.endpoints[]." + k));
    TargetBinder.ERRORS_KEYS.forEach(k -> expected.add("target.demo.endpoints[].errors." + k));
    NetworkBinder.KEYS.forEach(k -> expected.add("network." + k));
    EnvironmentBinder.KEYS.forEach(k -> expected.add("environment." + k));
    EnvironmentBinder.NODE_KEYS.forEach(k -> expected.add("environment.nodes[]." + k));
    EnvironmentBinder.LINK_KEYS.forEach(k -> expected.add("environment.links[]." + k));
    LoadBinder.KEYS.forEach(k -> expected.add("load." + k));
    PhaseBinder.PHASE_KEYS.forEach(k -> expected.add("load.phases[].NAME." + k));
    PhaseBinder.RAMP_KEYS.forEach(k -> expected.add("load.phases[].NAME.rampRate." + k));
    PhaseBinder.STEPS_KEYS.forEach(k -> expected.add("load.phases[].NAME.steps." + k));
    FeederBinder.KEYS.forEach(k -> expected.add("load.feeders[]." + k));
    RequestBinder.KEYS.stream().filter(k -> !RequestBinder.METHODS.contains(k))
        .forEach(k -> expected.add("load.requests[]." + k));
    expected.add("load.requests[].METHOD");
    CheckBinder.KEYS.forEach(k -> expected.add("load.requests[].check." + k));
    CheckBinder.JSON_KEYS.forEach(k -> expected.add("load.requests[].check.json." + k));
    assertEquals(new TreeSet<>(expected), new TreeSet<>(documentedKeys().keySet()));
  }

  @Test
  void defaultsAreTheOnesInTheCode() throws IOException {
    Map<String, String> d = documentedKeys();
    assertEquals("`" + LoadDefaults.CONNECTIONS + "`", d.get("load.connections"));
    assertEquals("`" + Units.format(LoadDefaults.REQUEST_TIMEOUT) + "`", d.get("load.timeout"));
    assertEquals("`" + Units.format(LoadDefaults.MAX_SCHEDULE_LAG_P99) + "`", d.get("load.maxScheduleLag"));
    assertEquals("`" + LoadBinder.ENGINES.get(0) + "`", d.get("load.engine"));
    assertEquals("`" + LoadBinder.PROTOCOLS.get(0) + "`", d.get("load.protocol"));
    assertEquals("`" + FeederBinder.STRATEGIES.get(0) + "`", d.get("load.feeders[].strategy"));
    assertEquals("`0s`", d.get("load.phases[].NAME.thinkTime"));
    assertEquals("`load.timeout`", d.get("load.requests[].timeout"));
    assertEquals("`" + DemoServiceConfig.DEFAULT.workers() + "`", d.get("target.demo.workers"));
    assertEquals("`" + ServiceTimeParser.format(DemoServiceConfig.DEFAULT.serviceTime()) + "`", d.get("target.demo.serviceTime"));
    assertNull(DemoServiceConfig.DEFAULT.pauseAfter());
    assertEquals("no pause", d.get("target.demo.pause"));
    assertEquals("`1`", d.get("load.requests[].weight"));
    assertEquals("`false`", d.get("target.allowNonLoopback"));
    assertEquals("`" + EnvironmentSpec.DEFAULT.kind().key() + "`", d.get("environment.kind"));
    assertEquals("`" + EnvironmentSpec.DEFAULT.loadgens() + "`", d.get("environment.loadgens"));
  }

  @Test
  void methodsAndReservedNamesAreListed() throws IOException {
    String doc = doc();
    RequestBinder.METHODS.forEach(m -> assertTrue(doc.contains("`" + m + "`"), m));
    RequestTemplate.RESERVED_NAMES.forEach(n -> assertTrue(doc.contains("`" + n + "`"), n));
  }

  /**
   * An example is an HTML comment {@code <!-- example-error [--set P=V | --rate R | --duration D]… -->},
   * then a yaml block (the file scenarios/bad.yaml), then a text block (what the parser prints).
   */
  @Test
  void exampleErrorsAreWhatTheParserPrints() throws IOException {
    List<String> lines = doc().lines().toList();
    int examples = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("<!-- example-error")) {
        continue;
      }
      Overrides overrides = overrides(line.substring("<!-- example-error".length(), line.length() - "-->".length()).strip());
      int yamlStart = lines.subList(i, lines.size()).indexOf("```yaml") + i;
      String yaml = block(lines, yamlStart);
      int textStart = lines.subList(yamlStart + 1, lines.size()).indexOf("```text") + yamlStart + 1;
      String expected = block(lines, textStart);
      ScenarioException e = assertThrows(ScenarioException.class,
          () -> ScenarioParser.parse(Path.of("scenarios/bad.yaml"), yaml, overrides), "example at line " + (i + 1));
      assertEquals(expected.stripTrailing(), e.getMessage(), "example at line " + (i + 1));
      examples++;
    }
    assertFalse(examples == 0, "no examples found");
  }

  private static String block(List<String> lines, int fenceLine) {
    StringBuilder sb = new StringBuilder();
    for (int i = fenceLine + 1; i < lines.size() && !lines.get(i).equals("```"); i++) {
      sb.append(lines.get(i)).append('\n');
    }
    return sb.toString();
  }

  private static Overrides overrides(String args) {
    List<String> sets = new ArrayList<>();
    String rate = null;
    String duration = null;
    String[] words = args.isEmpty() ? new String[0] : args.split("\\s+");
    for (int i = 0; i + 1 < words.length; i += 2) {
      switch (words[i]) {
        case "--set" -> sets.add(words[i + 1]);
        case "--rate" -> rate = words[i + 1];
        case "--duration" -> duration = words[i + 1];
        default -> throw new IllegalArgumentException("unknown option in example: " + words[i]);
      }
    }
    return new Overrides(sets, rate, duration);
  }
}
