package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.perftwin.loadgen.results.ResultsJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema of summary.json as design.md states it, read back as JSON rather than text. */
class SummaryJsonTest {

  private static JsonNode write(Path dir, List<String> reasons, List<Slo> slos) {
    RunReport.write(dir, Fixtures.manifest("quickstart"),
        Fixtures.quickstartRun(reasons, Map.of("login", Fixtures.stats(Fixtures.empty()))), slos);
    return ResultsJson.read(dir.resolve(RunReport.SUMMARY_JSON), JsonNode.class);
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void topLevelKeysInFixedOrder(@TempDir Path dir) {
    JsonNode root = write(dir, List.of(), Fixtures.QUICKSTART_SLOS);
    assertEquals(List.of("scenario", "runId", "verdict", "startTime", "endTime", "measuredSeconds", "requests", "slo",
        "generator"), keys(root));
    assertEquals("quickstart", root.get("scenario").asText());
    assertEquals("20261122T101500Z-quickstart", root.get("runId").asText());
    assertEquals("2026-11-22T10:15:00Z", root.get("startTime").asText());
    assertEquals("2026-11-22T10:15:30.250Z", root.get("endTime").asText());
  }

  @Test
  void requestsStartWithAllThenRunOrder(@TempDir Path dir) {
    JsonNode requests = write(dir, List.of(), Fixtures.QUICKSTART_SLOS).get("requests");
    assertEquals(List.of("all", "home", "checkout", "login"), keys(requests));
    JsonNode all = requests.get("all");
    assertEquals(List.of("count", "errors", "errorsByKind", "achievedRate", "throughput", "latencyMs", "serviceTimeMs"),
        keys(all));
    assertEquals(12_012, all.get("count").asLong());
    assertEquals(2, all.get("errors").asLong());
    assertEquals(2, all.get("errorsByKind").get("status").asLong());
    assertEquals(500.5, all.get("achievedRate").asDouble(), 0.0);
    assertEquals(500.417, all.get("throughput").asDouble(), 0.0, "rounded to 3 decimals");
    assertEquals(List.of("p50", "p90", "p99", "p99.9", "max", "mean"), keys(all.get("latencyMs")));
    assertTrue(requests.get("home").get("errorsByKind").isEmpty());
  }

  @Test
  void nothingMeasuredIsNull(@TempDir Path dir) {
    JsonNode root = write(dir, List.of(), Fixtures.FAILING_SLOS);
    JsonNode login = root.get("requests").get("login");
    assertEquals(0, login.get("count").asLong());
    login.get("latencyMs").forEach(v -> assertTrue(v.isNull(), "latency of login: " + v));
    JsonNode loginSlo = root.get("slo").get(2);
    assertEquals("login", loginSlo.get("scope").asText());
    assertTrue(loginSlo.get("actual").isNull());
    assertFalse(loginSlo.get("pass").asBoolean());
  }

  @Test
  void objectivesCarryActualThresholdAndUnit(@TempDir Path dir) {
    JsonNode slo = write(dir, List.of(), Fixtures.QUICKSTART_SLOS).get("slo");
    assertEquals(Fixtures.QUICKSTART_SLOS.size(), slo.size());
    assertEquals(List.of("objective", "scope", "actual", "threshold", "unit", "pass"), keys(slo.get(0)));
    assertEquals("p99 < 50ms", slo.get(0).get("objective").asText());
    assertEquals("all", slo.get(0).get("scope").asText());
    assertEquals("ms", slo.get(0).get("unit").asText());
    assertEquals(50.0, slo.get(0).get("threshold").asDouble(), 0.0);
    assertEquals("checkout", slo.get(1).get("scope").asText());
    assertEquals("ratio", slo.get(2).get("unit").asText());
    // 2 / 12,012 errors: six decimals keep a ratio readable next to a 0.1% threshold
    assertEquals(0.000167, slo.get(2).get("actual").asDouble(), 0.0);
    assertEquals(0.001, slo.get(2).get("threshold").asDouble(), 0.0);
    assertEquals("/s", slo.get(3).get("unit").asText());
  }

  @Test
  void generatorStatesValidityAndReasons(@TempDir Path dir) {
    JsonNode root = write(dir, Fixtures.INVALID_REASONS, Fixtures.FAILING_SLOS);
    assertEquals("invalid", root.get("verdict").asText());
    JsonNode generator = root.get("generator");
    assertEquals(List.of("offeredRate", "scheduleLagMs", "valid", "invalidReasons"), keys(generator));
    assertEquals(500.0, generator.get("offeredRate").asDouble(), 0.0);
    assertFalse(generator.get("valid").asBoolean());
    assertEquals(Fixtures.INVALID_REASONS.get(1), generator.get("invalidReasons").get(1).asText());
    assertTrue(generator.get("scheduleLagMs").get("p99").isNumber());
  }
}
