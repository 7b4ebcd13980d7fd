package io.perftwin.scenarios.capacity;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code twin capacity}: bad input, and one real study against the demo service on loopback. */
class CapacityCommandTest {
  @TempDir Path tmp;

  static String scenario(String name, String demo, String slo) {
    return "name: " + name + "\n"
        + "target:\n  service: demo\n  demo: " + demo + "\n"
        + "load:\n  connections: 16\n  phases:\n    - steady: {constantRate: 100/s, duration: 5s}\n"
        + "  requests:\n    - name: home\n      GET: /\n"
        + slo;
  }

  /** Exit code, stdout, stderr. */
  record Result(int code, String out, String err) {}

  static Result twinCapacity(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new CapacityCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  Path write(String name, String text) throws Exception {
    Path f = tmp.resolve(name + ".yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void minRateNotBelowMaxRateIsBadInputAndWritesNothing() throws Exception {
    Path f = write("demo", scenario("demo", "{workers: 4, serviceTime: constant(2ms)}", "slo:\n  - p99 < 50ms\n"));
    Path runs = tmp.resolve("runs");
    Result r = twinCapacity(f.toString(), "--out", runs.toString(), "--min-rate", "800/s", "--max-rate", "800/s");
    assertEquals(ExitCodes.BAD_INPUT, r.code());
    assertEquals("twin capacity: --min-rate (800/s) must be below --max-rate (800/s)", r.err().strip());
    assertFalse(Files.exists(runs), "nothing written");
  }

  @Test
  void scenarioWithoutSlosIsBadInputAndWritesNothing() throws Exception {
    Path f = write("noslo", scenario("noslo", "{workers: 4, serviceTime: constant(2ms)}", ""));
    Path runs = tmp.resolve("runs");
    Result r = twinCapacity(f.toString(), "--out", runs.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code());
    assertTrue(r.err().startsWith("twin capacity: scenario 'noslo' has no SLOs (slo:)"), r.err());
    assertFalse(Files.exists(runs), "nothing written");
  }

  @Test
  void otherBadOptionsNameTheOption() throws Exception {
    Path f = write("demo", scenario("demo", "{workers: 4, serviceTime: constant(2ms)}", "slo:\n  - p99 < 50ms\n"));
    Path runs = tmp.resolve("runs");
    assertEquals("twin capacity: --max-rate must be a rate with a unit: /s, /m or /h (e.g. 500/s), got 'fast'",
        twinCapacity(f.toString(), "--out", runs.toString(), "--max-rate", "fast").err().strip());
    assertEquals("twin capacity: --sweep must be 'rates' or 'users', got 'threads'",
        twinCapacity(f.toString(), "--out", runs.toString(), "--sweep", "threads", "--levels", "1,2").err().strip());
    assertEquals("twin capacity: --replicas must be positive and strictly increasing, got [2, 1]",
        twinCapacity(f.toString(), "--out", runs.toString(), "--replicas", "2,1").err().strip());
    assertEquals("twin capacity: --precision must be above 0% and below 100%, got 0%",
        twinCapacity(f.toString(), "--out", runs.toString(), "--precision", "0%").err().strip());
    assertFalse(Files.exists(runs), "nothing written");
  }

  /**
   * 4 workers × constant 2 ms: analytic capacity 2,000/s. A loose p99 objective (50 ms) breaks
   * only when the queue grows without bound, i.e. at the capacity; the study must land within 5%.
   */
  @Test
  @Tag("slow")
  void findsTheDemoServiceCapacityWithinFivePercent() throws Exception {
    Path f = write("demo4", scenario("demo4", "{workers: 4, serviceTime: constant(2ms)}",
        "slo:\n  - p99 < 50ms\n  - errors < 0.1%\n"));
    Path runs = tmp.resolve("runs");
    long t0 = System.nanoTime();
    Result r = twinCapacity(f.toString(), "--out", runs.toString(), "--warmup", "1s", "--trial-duration", "4s",
        "--min-rate", "1000/s", "--max-rate", "3000/s", "--step", "500/s");
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(ExitCodes.PASS, r.code(), r.err());
    Path dir;
    try (Stream<Path> s = Files.list(runs)) {
      dir = s.findFirst().orElseThrow();
    }
    assertTrue(dir.getFileName().toString().endsWith("-demo4-capacity"), dir.toString());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("capacity.json").toFile());
    assertEquals("found", json.get("verdict").asText());
    double capacity = json.at("/search/capacity").asDouble();
    assertEquals(2000, json.get("analyticCapacity").asDouble());
    assertEquals(2000, capacity, 0.05 * 2000, "found " + capacity + "/s in " + seconds + " s");
    assertTrue(json.at("/search/firstFail/level").asDouble() > capacity);
    for (String file : List.of("report.html", "latency-vs-rate.png")) {
      assertTrue(Files.size(dir.resolve(file)) > 1000, file);
    }
    System.out.printf("capacity study: found %.1f/s (analytic 2000/s) in %.1f s, %d trials%n", capacity, seconds,
        json.at("/search/trials").size());
  }

  /**
   * A generator that cannot keep its schedule: {@code load.maxScheduleLag} set to 1 µs, far below
   * the lag any real dispatch has, while the target is fast. The study must say generator-bound
   * (exit 3, results written) rather than give a capacity figure.
   */
  @Test
  @Tag("slow")
  void generatorThatCannotHoldTheRateReportsGeneratorBound() throws Exception {
    // A loose objective (5 s) so that a busy machine cannot make the target look slow instead.
    Path f = write("lagging", scenario("lagging", "{workers: 4, serviceTime: constant(2ms)}", "slo:\n  - p99 < 5s\n"));
    Path runs = tmp.resolve("runs");
    Result r = twinCapacity(f.toString(), "--out", runs.toString(), "--set", "load.maxScheduleLag=1us",
        "--warmup", "1s", "--trial-duration", "2s", "--min-rate", "500/s", "--max-rate", "3000/s");
    assertEquals(ExitCodes.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("generator-bound"), r.err());
    Path dir;
    try (Stream<Path> s = Files.list(runs)) {
      dir = s.findFirst().orElseThrow();
    }
    JsonNode json = new ObjectMapper().readTree(dir.resolve("capacity.json").toFile());
    assertEquals("generator-bound", json.get("verdict").asText());
    assertTrue(json.at("/search/capacity").isNull(), "no capacity figure");
    assertEquals("generator-bound", json.at("/search/trials/0/outcome").asText());
  }
}
