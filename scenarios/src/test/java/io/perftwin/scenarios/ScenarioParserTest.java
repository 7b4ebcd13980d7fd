package io.perftwin.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.infra.ServiceTime;
import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.LoadDefaults;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.reports.Slo;
import io.perftwin.shaping.NetworkProfile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The scenario parser: "this input fails with this exact message", and what valid input turns
 * into. Messages are compared whole, snippet and hints included, because they are the interface.
 */
class ScenarioParserTest {
  private static final Path FILE = Path.of("scenarios/bad.yaml");

  /** A valid scenario that the error tests break one line at a time. */
  private static final String VALID = """
      name: t
      target:
        service: demo
      load:
        phases:
          - steady: {constantRate: 500/s, duration: 30s}
        requests:
          - name: home
            GET: /
      """;

  private static String problems(String yaml) {
    return problems(yaml, Overrides.NONE);
  }

  private static String problems(String yaml, Overrides overrides) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(FILE, yaml, overrides));
    return e.getMessage();
  }

  private static Scenario parse(String yaml) throws ScenarioException {
    return ScenarioParser.parse(FILE, yaml, Overrides.NONE);
  }

  private static Overrides set(String... sets) {
    return new Overrides(List.of(sets), null, null);
  }

  @Nested
  class Errors {

    @Test
    void misspeltKeyGetsAllowedKeysAndSuggestion() {
      String yaml = """
          name: t
          target:
            service: demo
          # load settings
          load:
            engine: vertx
            conections: 64
            phases:
              - steady: {constantRate: 500/s, duration: 30s}
            requests:
              - {name: home, GET: /}
          """;
      assertEquals("""
          scenarios/bad.yaml:7:3: unknown key 'conections' in 'load'
             6 |   engine: vertx
             7 |   conections: 64
               |   ^^^^^^^^^^
            allowed: engine, protocol, connections, timeout, maxScheduleLag, phases, feeders, requests, simulation, simulationSources
            did you mean 'connections'?""", problems(yaml));
    }

    @Test
    void misspeltTopLevelKey() {
      assertEquals("""
          scenarios/bad.yaml:10:1: unknown key 'slos' at the top level
             9 |       GET: /
            10 | slos: []
               | ^^^^
            allowed: name, description, seed, target, network, load, slo, sloFiles, environment
            did you mean 'slo'?""", problems(VALID + "slos: []\n"));
    }

    @Test
    void wrongType() {
      assertEquals("""
          scenarios/bad.yaml:5:16: 'connections' must be an integer, got 'many'
             4 | load:
             5 |   connections: many
               |                ^^^^""", problems(VALID.replace("load:\n", "load:\n  connections: many\n")));
    }

    @Test
    void mapWhereAValueBelongs() {
      assertEquals("""
          scenarios/bad.yaml:5:12: 'timeout' must be a duration, got a map
             4 | load:
             5 |   timeout: {s: 10}
               |            ^^^^^^^""", problems(VALID.replace("load:\n", "load:\n  timeout: {s: 10}\n")));
    }

    @Test
    void bareNumberWhereAUnitIsRequiredSaysWhichUnits() {
      assertEquals("""
          scenarios/bad.yaml:11:10: 'delay' must be a duration with a unit: ns, us, ms, s, m or h (e.g. 20ms, 1.5s), got '20'
            10 | network:
            11 |   delay: 20
               |          ^^""", problems(VALID + "network:\n  delay: 20\n"));
    }

    @Test
    void misspeltUnitGetsSuggestion() {
      assertEquals("""
          scenarios/bad.yaml:5:12: 'timeout' must be a duration with a unit: ns, us, ms, s, m or h (e.g. 20ms, 1.5s), got '10sec'
             4 | load:
             5 |   timeout: 10sec
               |            ^^^^^
            did you mean '10s'?""", problems(VALID.replace("load:\n", "load:\n  timeout: 10sec\n")));
    }

    @Test
    void zeroRate() {
      assertEquals("""
          scenarios/bad.yaml:6:30: 'constantRate' must be > 0, got '0/s'
             5 |   phases:
             6 |     - steady: {constantRate: 0/s, duration: 30s}
               |                              ^^^""", problems(VALID.replace("500/s", "0/s")));
    }

    @Test
    void rateWithoutUnit() {
      assertEquals("""
          scenarios/bad.yaml:6:30: 'constantRate' must be a rate with a unit: /s, /m or /h (e.g. 500/s), got '500'
             5 |   phases:
             6 |     - steady: {constantRate: 500, duration: 30s}
               |                              ^^^""", problems(VALID.replace("500/s", "500")));
    }

    @Test
    void negativeDurations() {
      assertEquals("""
          scenarios/bad.yaml:6:47: 'duration' must be > 0, got '-30s'
             5 |   phases:
             6 |     - steady: {constantRate: 500/s, duration: -30s}
               |                                               ^^^^

          scenarios/bad.yaml:11:11: 'jitter' must be >= 0, got '-5ms'
            10 | network:
            11 |   jitter: -5ms
               |           ^^^^""", problems(VALID.replace("30s", "-30s") + "network:\n  jitter: -5ms\n"));
    }

    @Test
    void missingLoad() {
      assertEquals("""
          scenarios/bad.yaml:1:1: missing required key 'load' at the top level
             1 | name: t
               | ^""", problems("name: t\ntarget:\n  service: demo\n"));
    }

    @Test
    void missingKeyIsReportedAtTheKeyHoldingTheMap() {
      assertEquals("""
          scenarios/bad.yaml:6:7: missing required key 'duration' in phase 'steady'
             5 |   phases:
             6 |     - steady: {constantRate: 500/s}
               |       ^^^^^^""", problems(VALID.replace(", duration: 30s", "")));
    }

    @Test
    void unknownMethod() {
      assertEquals("""
          scenarios/bad.yaml:9:7: unknown key 'FETCH' in request 'home'
             8 |     - name: home
             9 |       FETCH: /
               |       ^^^^^
            allowed: name, weight, GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS, headers, body, check, timeout
            did you mean 'PATCH'?""", problems(VALID.replace("GET: /", "FETCH: /")));
    }

    @Test
    void methodWrittenAsAKeyOfItsOwn() {
      assertEquals("""
          scenarios/bad.yaml:8:7: missing method in request 'home'
             7 |   requests:
             8 |     - name: home
               |       ^
            allowed: GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS
            write the method as the key and the path as its value, e.g. 'GET: /home'

          scenarios/bad.yaml:9:7: unknown key 'method' in request 'home'
             8 |     - name: home
             9 |       method: GET
               |       ^^^^^^
            allowed: name, weight, GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS, headers, body, check, timeout
            write the method as the key and the path as its value, e.g. 'GET: /home'""",
          problems(VALID.replace("GET: /", "method: GET")));
    }

    @Test
    void duplicateRequestName() {
      assertEquals("""
          scenarios/bad.yaml:10:13: duplicate request name 'home' (first at line 8)
             9 |       GET: /
            10 |     - name: home
               |             ^^^^""", problems(VALID.replace("      GET: /\n", "      GET: /\n    - name: home\n      POST: /x\n")));
    }

    @Test
    void duplicateKey() {
      assertEquals("""
          scenarios/bad.yaml:2:1: duplicate key 'name' at the top level (first at line 1)
             1 | name: t
             2 | name: u
               | ^^^^""", problems(VALID.replace("name: t\n", "name: t\nname: u\n")));
    }

    @Test
    void reservedRequestName() {
      assertEquals("""
          scenarios/bad.yaml:8:13: request name 'all' is reserved (reserved: all, warmup, service, errors, generator)
             7 |   requests:
             8 |     - name: all
               |             ^^^""", problems(VALID.replace("name: home", "name: all")));
    }

    @Test
    void requestNameWithADot() {
      assertEquals("""
          scenarios/bad.yaml:8:13: request name must be 1 to 64 letters, digits, '_' or '-' (no dots: SLOs use them to separate the request from the metric), got 'home.page'
             7 |   requests:
             8 |     - name: home.page
               |             ^^^^^^^^^
            did you mean 'home-page'?""", problems(VALID.replace("name: home", "name: home.page")));
    }

    @Test
    void sloWithUnknownRequestNameIsNotSilentlyAccepted() {
      // k6 issue #1526: a misspelt scope in a threshold must not pass unnoticed
      String yaml = VALID.replace("      GET: /\n", "      GET: /\n    - name: checkout\n      POST: /checkout\n")
          + "slo:\n  - chekout.p99 < 200ms\n";
      assertEquals("""
          scenarios/bad.yaml:13:5: unknown request 'chekout' in SLO 'chekout.p99 < 200ms'
            12 | slo:
            13 |   - chekout.p99 < 200ms
               |     ^^^^^^^
            allowed: home, checkout
            did you mean 'checkout'?""", problems(yaml));
    }

    @Test
    void sloUnitMismatchSaysWhatTheMetricNeeds() {
      assertEquals("""
          scenarios/bad.yaml:11:15: 'errors' must be a percentage (e.g. 0.1%), got '50ms'
            10 | slo:
            11 |   - 'errors < 50ms'
               |               ^^^^""", problems(VALID + "slo:\n  - 'errors < 50ms'\n"));
    }

    @Test
    void nonLoopbackUrlNeedsAllowNonLoopback() {
      String yaml = VALID.replace("service: demo", "url: http://10.0.0.5:8080");
      assertEquals("""
          scenarios/bad.yaml:3:8: 'url' host '10.0.0.5' is not a loopback address (127.0.0.0/8, ::1, localhost)
             2 | target:
             3 |   url: http://10.0.0.5:8080
               |        ^^^^^^^^^^^^^^^^^^^^
            to send load to another machine on purpose, add 'allowNonLoopback: true' to 'target'""", problems(yaml));
      String allowed = yaml.replace("target:\n", "target:\n  allowNonLoopback: true\n");
      assertEquals(URI.create("http://10.0.0.5:8080"), assertDoesNotThrow(allowed).target().url());
    }

    @Test
    void allowNonLoopbackOnlyWithUrl() {
      assertEquals("""
          scenarios/bad.yaml:4:3: 'allowNonLoopback' goes only with 'url'
             3 |   service: demo
             4 |   allowNonLoopback: true
               |   ^^^^^^^^^^^^^^^^""", problems(VALID.replace("service: demo\n", "service: demo\n  allowNonLoopback: true\n")));
    }

    @Test
    void unknownEnumValue() {
      assertEquals("""
          scenarios/bad.yaml:3:12: unknown service 'dmeo'
             2 | target:
             3 |   service: dmeo
               |            ^^^^
            allowed: demo
            did you mean 'demo'?""", problems(VALID.replace("service: demo", "service: dmeo")));
    }

    @Test
    void aTemplateVariableWithoutAFeederIsAnError() {
      String yaml = VALID.replace("      GET: /\n", "      POST: /checkout\n      body: '{\"sku\": \"${sku}\"}'\n");
      assertEquals("""
          scenarios/bad.yaml:10:23: unknown variable 'sku' in 'body': no feeder is defined
             9 |       POST: /checkout
            10 |       body: '{"sku": "${sku}"}'
               |                       ^^^^^^
            add a feeder with a column 'sku' under 'load.feeders', or write '$${sku}' for a literal '${sku}'""", problems(yaml));
    }

    @Test
    void serviceTimeErrorPointsInsideTheValue() {
      assertEquals("""
          scenarios/bad.yaml:5:30: 'serviceTime' must be > 0, got '0ms'
             4 |   demo:
             5 |     serviceTime: exponential(0ms)
               |                              ^^^""",
          problems(VALID.replace("service: demo\n", "service: demo\n  demo:\n    serviceTime: exponential(0ms)\n")));
    }

    @Test
    void yamlSyntaxError() {
      assertEquals("""
          scenarios/bad.yaml:3:16: YAML syntax error: mapping values are not allowed here
             2 | target:
             3 |   service: demo: x
               |                ^
            check the indentation, and quote values that contain ': '""",
          problems(VALID.replace("service: demo", "service: demo: x")));
    }

    @Test
    void errorOnTheLastLineOfAFileWithoutTrailingNewline() {
      assertEquals("""
          scenarios/bad.yaml:11:11: 'p99' must be a duration with a unit: ns, us, ms, s, m or h (e.g. 20ms, 1.5s), got '50'
            10 | slo:
            11 |   - p99 < 50
               |           ^^""", problems(VALID + "slo:\n  - p99 < 50"));
    }

    @Test
    void syntaxErrorAtTheEndOfAFileWithoutTrailingNewline() {
      assertEquals("""
          scenarios/bad.yaml:11:16: YAML syntax error: found unexpected end of stream
            10 | slo:
            11 |   - 'p99 < 50ms
               |                ^""", problems(VALID + "slo:\n  - 'p99 < 50ms"));
    }

    @Test
    void emptyFile() {
      assertEquals("""
          scenarios/bad.yaml:1:1: the file has no content; a scenario needs at least 'name', 'target' and 'load'
             1 |
               | ^""", problems(""));
    }

    @Test
    void topLevelList() {
      assertEquals("""
          scenarios/bad.yaml:1:1: the top level must be a map with the keys name, description, seed, target, network, load, slo, sloFiles, environment, got a list
             1 | - name: t
               | ^""", problems("- name: t\n"));
    }

    @Test
    void missingFile() {
      ScenarioException e = assertThrows(ScenarioException.class,
          () -> ScenarioParser.parse(Path.of("src/test/resources/scenarios/no-such.yaml"), Overrides.NONE));
      assertEquals("cannot read src/test/resources/scenarios/no-such.yaml: no such file", e.getMessage());
    }

    @Test
    void setOnAPathThatDoesNotExist() {
      assertEquals("--set load.phases.3.steady.duration=1s: index 3 is out of range: 'load.phases' is a list and it has 1 item (0..0)",
          problems(VALID, set("load.phases.3.steady.duration=1s")));
      assertEquals("--set name.first=x: cannot set 'name.first': 'name' is 't', not a map or list",
          problems(VALID, set("name.first=x")));
    }

    @Test
    void setOfAnUnknownKeyIsReportedAgainstTheOverride() {
      assertEquals("""
          --set load.conections=8: unknown key 'conections' in 'load'
            allowed: engine, protocol, connections, timeout, maxScheduleLag, phases, feeders, requests, simulation, simulationSources
            did you mean 'connections'?""", problems(VALID, set("load.conections=8")));
    }

    @Test
    void badOverriddenValueIsReportedAgainstTheOverride() {
      assertEquals("--set network.delay=-5ms: 'delay' must be >= 0, got '-5ms'", problems(VALID, set("network.delay=-5ms")));
      assertEquals("--rate 0/s: 'constantRate' must be > 0, got '0/s'", problems(VALID, new Overrides(List.of(), "0/s", null)));
      assertEquals("--duration 10: 'duration' must be a duration with a unit: ns, us, ms, s, m or h (e.g. 20ms, 1.5s), got '10'",
          problems(VALID, new Overrides(List.of(), null, "10")));
    }

    @Test
    void malformedSet() {
      assertEquals("--set load.connections: --set needs path=value, e.g. --set network.delay=20ms",
          problems(VALID, set("load.connections")));
      assertEquals("--set load..connections=3: --set path 'load..connections' must be keys and list indexes separated by single dots, "
          + "e.g. load.phases.1.steady.constantRate", problems(VALID, set("load..connections=3")));
    }

    @Test
    void rateOverrideWithOnlyWarmupPhases() {
      String yaml = VALID.replace("steady: {", "warmup: {");
      assertEquals("""
          --rate 800/s: --rate applies to the phases that are not warm-up phases, and there are none

          scenarios/bad.yaml:5:3: every phase is a warm-up phase, so nothing would be measured
             4 | load:
             5 |   phases:
               |   ^^^^^^
            add a phase that is not named 'warmup', or give one 'warmup: false'""",
          problems(yaml, new Overrides(List.of(), "800/s", null)));
    }

    @Test
    void everyProblemIsReportedInFileOrderOverridesFirst() {
      String yaml = """
          name: bad name
          target:
            service: demo
          load:
            connections: 0
            phases:
              - steady: {constantRate: 5/s, duration: 1s, warmup: maybe}
            requests:
              - name: home
                GET: home
          """;
      ScenarioException e = assertThrows(ScenarioException.class,
          () -> ScenarioParser.parse(FILE, yaml, set("seed=forty-two")));
      assertEquals(List.of("'seed' must be an integer, got 'forty-two'",
              "'name' must be 1 to 64 letters, digits, '_', '.' or '-', got 'bad name'",
              "'connections' must be >= 1, got '0'",
              "'warmup' must be true or false, got 'maybe'",
              "'GET' path must start with '/', got 'home'"),
          e.problems().stream().map(ScenarioException.Problem::message).toList());
      assertEquals(List.of(0, 1, 5, 7, 10), e.problems().stream().map(ScenarioException.Problem::line).toList());
    }

    @Test
    void aMisspeltRequiredKeyIsNotAlsoReportedMissing() {
      assertEquals("""
          scenarios/bad.yaml:4:1: unknown key 'lod' at the top level
             3 |   service: demo
             4 | lod:
               | ^^^
            allowed: name, description, seed, target, network, load, slo, sloFiles, environment
            did you mean 'load'?""", problems(VALID.replace("load:", "lod:")));
    }

    @Test
    void phaseWrittenAsAFlatMap() {
      String yaml = VALID.replace("    - steady: {constantRate: 500/s, duration: 30s}\n",
          "    - name: steady\n      constantRate: 500/s\n");
      assertEquals("""
          scenarios/bad.yaml:7:7: 'load.phases.0' must be a one-key map '<phase name>: {settings}', got 2 keys: 'name' and 'constantRate'
             6 |     - name: steady
             7 |       constantRate: 500/s
               |       ^^^^^^^^^^^^
            e.g. '- steady: {constantRate: 500/s, duration: 30s}'""", problems(yaml));
    }

    @Test
    void phaseSettingsThatAreNotAMap() {
      assertEquals("""
          scenarios/bad.yaml:6:15: phase 'steady' must be a map of settings (constantRate, rampRate, steps, poissonRate, users, thinkTime, duration, warmup), got '500/s'
             5 |   phases:
             6 |     - steady: 500/s
               |               ^^^^^
            e.g. '- steady: {constantRate: 500/s, duration: 30s}'""",
          problems(VALID.replace("{constantRate: 500/s, duration: 30s}", "500/s")));
    }

    @Test
    void httpsIsNotSupportedYet() {
      assertEquals("""
          scenarios/bad.yaml:3:8: 'url' must be an http:// URL such as http://127.0.0.1:8080, got 'https://127.0.0.1'
             2 | target:
             3 |   url: https://127.0.0.1
               |        ^^^^^^^^^^^^^^^^^
            https is not supported yet""", problems(VALID.replace("service: demo", "url: https://127.0.0.1")));
    }

    @Test
    void windowsLineEndingsGiveTheSameMessages() {
      String yaml = VALID.replace("load:\n", "load:\n  conections: 64\n");
      assertEquals(problems(yaml), problems(yaml.replace("\n", "\r\n")));
    }

    @Test
    void notUtf8(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
      Path file = dir.resolve("latin1.yaml");
      Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
      ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(file, Overrides.NONE));
      assertEquals("cannot read " + file + ": it is not UTF-8 text", e.getMessage());
    }

    @Test
    void atMostTwentyProblemsAreShown() {
      StringBuilder yaml = new StringBuilder(VALID);
      for (int i = 0; i < 25; i++) {
        yaml.append("unknown").append(i).append(": 1\n");
      }
      ScenarioException e = assertThrows(ScenarioException.class, () -> parse(yaml.toString()));
      assertEquals(ScenarioException.MAX_PROBLEMS, e.problems().size());
      assertEquals(5, e.omitted());
      assertTrue(e.getMessage().endsWith("\n\n(5 more problems not shown; fix these first)"), e.getMessage());
    }
  }

  @Nested
  class Valid {

    @Test
    void defaultsAreFilledIn() throws ScenarioException {
      Scenario s = parse(VALID);
      assertEquals("t", s.name());
      assertEquals(FILE, s.file());
      assertNull(s.seed());
      assertEquals(DemoServiceConfig.DEFAULT, s.target().demo());
      assertSame(NetworkProfile.NONE, s.network());
      assertEquals("vertx", s.load().engine());
      assertEquals(LoadDefaults.CONNECTIONS, s.load().connections());
      assertEquals(LoadDefaults.REQUEST_TIMEOUT, s.load().timeout());
      assertEquals(LoadDefaults.MAX_SCHEDULE_LAG_P99, s.load().maxScheduleLag());
      assertEquals(List.of(new Phase("steady", Duration.ofSeconds(30), new ConstantRate(500), false)), s.load().phases());
      assertEquals(List.of(new RequestTemplate("home", 1, "GET", "/", List.of(), null)), s.load().requests());
      assertEquals(List.of(), s.slos());
    }

    @Test
    void everySettingIsRead() throws ScenarioException {
      Scenario s = parse("""
          name: full.example_1
          description: all the keys
          seed: -42
          target:
            service: demo
            demo:
              workers: 4
              serviceTime: 1.5ms
              pause: {after: 5s, for: 2s}
          network: {delay: 20ms, jitter: 5ms, loss: 0.1%, rate: 100mbit}
          load:
            engine: vertx
            connections: 64
            timeout: 2s
            maxScheduleLag: 5ms
            phases:
              - ramp: {constantRate: 30/m, duration: 1m, warmup: true}
              - steady: {constantRate: 500/s, duration: 30s}
            requests:
              - name: home
                weight: 3
                GET: /?q=1
              - name: checkout
                POST: /checkout
                headers: {Content-Type: application/json, X-Id: 7}
                body: '{"sku": 42}'
          slo:
            - p99 < 50ms
            - checkout.p99.9 <= 200ms
            - errors < 0.1%
            - throughput >= 495/s
          """);
      assertEquals(-42L, s.seed());
      assertEquals(new DemoServiceConfig(4, new ServiceTime.Constant(Duration.ofNanos(1_500_000)),
          Duration.ofSeconds(5), Duration.ofSeconds(2)), s.target().demo());
      assertEquals(new NetworkProfile(Duration.ofMillis(20), Duration.ofMillis(5), 0.001, 100_000_000L), s.network());
      assertEquals(64, s.load().connections());
      assertEquals(Duration.ofSeconds(2), s.load().timeout());
      assertEquals(Duration.ofMillis(5), s.load().maxScheduleLag());
      assertEquals(new Phase("ramp", Duration.ofMinutes(1), new ConstantRate(0.5), true), s.load().phases().get(0));
      assertEquals(new RequestTemplate("checkout", 1, "POST", "/checkout",
              List.of(new RequestTemplate.Header("Content-Type", "application/json"), new RequestTemplate.Header("X-Id", "7")),
              "{\"sku\": 42}"),
          s.load().requests().get(1));
      assertEquals(new Slo("checkout.p99.9 <= 200ms", "checkout", Slo.Metric.PERCENTILE, 99.9, Slo.Comparison.LE, 200),
          s.slos().get(1));
      assertEquals(4, s.slos().size());
    }

    @Test
    void aPhaseNamedWarmupIsAWarmupPhaseUnlessItSaysOtherwise() throws ScenarioException {
      Scenario s = parse(VALID.replace("    - steady: {constantRate: 500/s, duration: 30s}\n", """
              - warmup: {constantRate: 100/s, duration: 5s}
              - warmup2: {constantRate: 100/s, duration: 5s}
              - ramp: {constantRate: 100/s, duration: 5s, warmup: true}
              - steady: {constantRate: 500/s, duration: 30s}
          """));
      assertEquals(List.of(true, false, true, false), s.load().phases().stream().map(Phase::warmup).toList());
      Scenario measured = parse(VALID.replace("steady: {constantRate: 500/s, duration: 30s}",
          "warmup: {constantRate: 500/s, duration: 30s, warmup: false}"));
      assertFalse(measured.load().phases().get(0).warmup());
    }

    @Test
    void urlTarget() throws ScenarioException {
      for (String url : List.of("http://127.0.0.1:8080", "http://localhost:9000/api", "http://[::1]:8080", "http://127.1.2.3")) {
        Scenario s = parse(VALID.replace("service: demo", "url: " + url));
        assertEquals(URI.create(url), s.target().url(), url);
        assertFalse(s.target().allowNonLoopback());
        assertFalse(s.target().isDemo());
      }
    }

    @Test
    void setOverridesParseValuesAsYamlScalarsAndCreateMissingMaps() throws ScenarioException {
      Scenario s = ScenarioParser.parse(FILE, VALID + "slo:\n  - p99 < 50ms\n", set(
          "load.connections=8",
          "load.phases.0.steady.constantRate=800/s",
          "slo.0=p99 < 1ms",
          "network.delay=20ms",
          "target.demo.workers=2",
          "seed=7",
          "name='quoted'"));
      assertEquals(8, s.load().connections());
      assertEquals(new ConstantRate(800), s.load().phases().get(0).shape());
      assertEquals("p99 < 1ms", s.slos().get(0).text());
      assertEquals(Duration.ofMillis(20), s.network().delay());
      assertEquals(2, s.target().demo().workers());
      assertEquals(7L, s.seed());
      assertEquals("quoted", s.name());
    }

    @Test
    void rateAndDurationOverridesChangeOnlyMeasuredPhases() throws ScenarioException {
      String yaml = VALID.replace("    - steady: {constantRate: 500/s, duration: 30s}\n", """
              - warmup: {constantRate: 100/s, duration: 5s}
              - steady: {constantRate: 500/s, duration: 30s}
              - peak: {constantRate: 900/s, duration: 10s}
          """);
      Scenario s = ScenarioParser.parse(FILE, yaml, new Overrides(List.of(), "800/s", "1m"));
      assertEquals(List.of(new Phase("warmup", Duration.ofSeconds(5), new ConstantRate(100), true),
              new Phase("steady", Duration.ofMinutes(1), new ConstantRate(800), false),
              new Phase("peak", Duration.ofMinutes(1), new ConstantRate(800), false)),
          s.load().phases());
    }

    @Test
    void setRunsBeforeRateSoThatAPhaseMadeMeasuredGetsTheRate() throws ScenarioException {
      String yaml = VALID.replace("    - steady: {constantRate: 500/s, duration: 30s}\n",
          "    - warmup: {constantRate: 100/s, duration: 5s}\n    - steady: {constantRate: 500/s, duration: 30s}\n");
      Scenario s = ScenarioParser.parse(FILE, yaml, new Overrides(List.of("load.phases.0.warmup.warmup=false"), "700/s", null));
      assertEquals(new ConstantRate(700), s.load().phases().get(0).shape());
      assertFalse(s.load().phases().get(0).warmup());
    }

    @Test
    void resolvedSettingsUseScenarioFileSpellingWithDefaults() throws ScenarioException {
      Scenario s = parse(VALID.replace("service: demo", "service: demo\n  demo: {serviceTime: constant(250us)}")
          + "network:\n  loss: 0.1%\n  rate: 1500kbit\nslo:\n  - ' p99 < 50ms '\n");
      Map<String, Object> expected = map(
          "name", "t",
          "target", map("service", "demo", "demo", map("workers", 8, "serviceTime", "constant(250us)")),
          "network", map("loss", "0.1%", "rate", "1500kbit"),
          "load", map(
              "engine", "vertx",
              "protocol", "http1",
              "connections", 16,
              "timeout", "10s",
              "maxScheduleLag", "10ms",
              "phases", List.of(map("steady", map("constantRate", "500/s", "duration", "30s", "warmup", false))),
              "feeders", List.of(),
              "requests", List.of(map("name", "home", "weight", 1, "GET", "/"))),
          "slo", List.of("p99 < 50ms"));
      assertEquals(expected, s.resolved());
      assertEquals(LinkedHashMap.class, s.resolved().getClass());
      assertEquals(List.copyOf(expected.keySet()), List.copyOf(s.resolved().keySet()), "key order");
    }

    @Test
    void resolvedSettingsOfAUrlTarget() throws ScenarioException {
      Scenario s = parse(VALID.replace("service: demo", "url: http://127.0.0.1:8080"));
      assertEquals(map("url", "http://127.0.0.1:8080", "allowNonLoopback", false), s.resolved().get("target"));
      assertEquals(map(), s.resolved().get("network"));
    }

    @Test
    void sha256IsThatOfTheFileBytes() throws Exception {
      Path file = Path.of("src/test/resources/scenarios/minimal.yaml");
      Scenario s = ScenarioParser.parse(file, Overrides.NONE);
      String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      assertEquals(expected, s.sha256());
      assertEquals(file, s.file());
    }

    @Test
    void emptySectionsAreEmpty() throws ScenarioException {
      Scenario s = parse(VALID + "network:\nslo:\n");
      assertSame(NetworkProfile.NONE, s.network());
      assertEquals(List.of(), s.slos());
    }
  }

  private static Scenario assertDoesNotThrow(String yaml) {
    return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> parse(yaml));
  }

  private static void assertSame(Object expected, Object actual) {
    org.junit.jupiter.api.Assertions.assertSame(expected, actual);
  }

  /** An insertion-ordered map of alternating keys and values. */
  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
