package io.perftwin.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo service's endpoints from a scenario: injected errors and a downstream call to the stub. */
@Tag("slow")
class DemoEndpointsRunTest {
  @TempDir Path dir;

  @Test
  void endpointsInjectErrorsAndCallTheStub() throws Exception {
    Path file = dir.resolve("endpoints.yaml");
    Files.writeString(file, """
        name: endpoints
        seed: 7
        environment: {kind: loopback}
        target:
          service: demo
          demo:
            workers: 64
            serviceTime: constant(1ms)
            endpoints:
              - {path: /checkout, downstream: stub}
              - {path: /flaky, errors: {status: 503, rate: 20%}}
        load:
          maxScheduleLag: 5s
          phases:
            - steady: {constantRate: 200/s, duration: 3s}
          requests:
            - {name: checkout, GET: /checkout}
            - {name: flaky, GET: /flaky}
        """);
    Scenario s = ScenarioParser.parse(file, new Overrides(List.of(), null, null));
    RunOutcome outcome = new Runner(Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run(s, new RunOptions(dir.resolve("runs"), List.of(), false));
    JsonNode requests = new ObjectMapper().readTree(outcome.runDir().resolve("summary.json").toFile()).path("requests");
    JsonNode checkout = requests.path("checkout");
    assertEquals(0, checkout.path("errors").asLong(), checkout.toString());
    // 1 ms of service time plus the stub's 5 ms, always: the fastest checkout takes at least 6 ms.
    assertTrue(requests.path("checkout").path("latencyMs").path("p50").asDouble() >= 6.0, checkout.toString());
    JsonNode flaky = requests.path("flaky");
    long n = flaky.path("count").asLong();
    long errors = flaky.path("errors").path("status") == null ? 0 : flaky.path("errors").asLong();
    double p = 0.2;
    double sigma = Math.sqrt(n * p * (1 - p));
    assertTrue(Math.abs(errors - n * p) < 4 * sigma, errors + " injected errors of " + n + " (20%)");
    assertTrue(flaky.path("latencyMs").path("p50").asDouble() < 6.0, "no downstream on /flaky: " + flaky);
  }
}
