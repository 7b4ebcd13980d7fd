package io.perftwin.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.perftwin.loadgen.ClosedUsers;
import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.Feeder;
import io.perftwin.loadgen.LoadDefaults;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.PoissonRate;
import io.perftwin.loadgen.Protocol;
import io.perftwin.loadgen.RampRate;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.ResponseCheck;
import io.perftwin.loadgen.StepRate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Load shapes, feeders, templates, checks and per-request timeouts in scenario files: "this input
 * fails with this exact message", and what valid input turns into.
 */
class WorkloadScenarioTest {
  private static final Path FILE = Path.of("scenarios/bad.yaml");
  /** A scenario file next to the CSV fixtures, so that {@code csv: skus.csv} resolves to them. */
  private static final Path FIXTURES = Path.of("src/test/resources/feeders/scenario.yaml");

  private static final String HEAD = """
      name: t
      target:
        service: demo
      load:
      """;

  /** A valid file with these phases (indented as list items of 'phases'). */
  private static String phases(String phases) {
    return HEAD + "  phases:\n" + phases + "  requests:\n    - name: home\n      GET: /\n";
  }

  /** A valid file with one steady phase, these feeders (may be empty) and these request lines. */
  private static String withRequest(String feeders, String request) {
    return HEAD + "  phases:\n    - steady: {constantRate: 10/s, duration: 1s}\n"
        + (feeders.isEmpty() ? "" : "  feeders:\n" + feeders)
        + "  requests:\n    - name: checkout\n" + request;
  }

  private static String problems(String yaml) {
    return problems(FILE, yaml, Overrides.NONE);
  }

  private static String problems(Path file, String yaml, Overrides overrides) {
    return assertThrows(ScenarioException.class, () -> ScenarioParser.parse(file, yaml, overrides)).getMessage();
  }

  private static List<String> messages(String yaml) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(FILE, yaml, Overrides.NONE));
    return e.problems().stream().map(ScenarioException.Problem::message).toList();
  }

  private static Scenario parse(Path file, String yaml) throws ScenarioException {
    return ScenarioParser.parse(file, yaml, Overrides.NONE);
  }

  @Nested
  class AcceptanceErrors {

    @Test
    void zeroRateNamesTheField() {
      assertEquals("""
          scenarios/bad.yaml:6:29: 'poissonRate' must be > 0, got '0/s'
             5 |   phases:
             6 |     - steady: {poissonRate: 0/s, duration: 30s}
               |                             ^^^""", problems(phases("    - steady: {poissonRate: 0/s, duration: 30s}\n")));
      assertEquals("""
          scenarios/bad.yaml:6:24: 'rampRate' must have a rate > 0 at one end at least, got 0/s at both
             5 |   phases:
             6 |     - ramp: {rampRate: {from: 0/s, to: 0/s}, duration: 30s}
               |                        ^^^^^^^^^^^^^^^^^^^^""",
          problems(phases("    - ramp: {rampRate: {from: 0/s, to: 0/s}, duration: 30s}\n")));
      assertEquals(List.of("'steps' must have a rate > 0 at one end at least, got 0/s at both"),
          messages(phases("    - s: {steps: {from: 0/s, to: 0/h, count: 3}, duration: 30s}\n")));
    }

    @Test
    void negativeDurationNamesTheField() {
      assertEquals("""
          scenarios/bad.yaml:6:45: 'duration' must be > 0, got '-30s'
             5 |   phases:
             6 |     - steady: {poissonRate: 50/s, duration: -30s}
               |                                             ^^^^""",
          problems(phases("    - steady: {poissonRate: 50/s, duration: -30s}\n")));
      assertEquals(List.of("'thinkTime' must be >= 0, got '-100ms'"),
          messages(phases("    - u: {users: 5, thinkTime: -100ms, duration: 30s}\n")));
      assertEquals(List.of("'timeout' must be > 0, got '-1s'"), messages(withRequest("", "      GET: /\n      timeout: -1s\n")));
    }

    @Test
    void unknownFeederFileNamesTheFileAndWhereItWasLookedFor() {
      assertEquals("""
          scenarios/bad.yaml:8:25: cannot read CSV file 'data/nope.csv' of feeder 'skus': no such file (looked for scenarios/data/nope.csv)
             7 |   feeders:
             8 |     - {name: skus, csv: data/nope.csv}
               |                         ^^^^^^^^^^^^^
            CSV paths are relative to the scenario file""",
          problems(withRequest("    - {name: skus, csv: data/nope.csv}\n", "      GET: /items/${sku}\n")));
    }

    @Test
    void malformedTemplatePointsInsideTheString() {
      assertEquals("""
          scenarios/bad.yaml:12:23: unclosed '${' in 'body'
            11 |       POST: /checkout
            12 |       body: '{"sku": "${sku"}'
               |                       ^^^^^
            write '}' after the variable name, or '$$' for a literal '$'""",
          problems(withRequest("    - {name: skus, inline: [{sku: A-1}]}\n", "      POST: /checkout\n      body: '{\"sku\": \"${sku\"}'\n")));
      assertEquals("""
          scenarios/bad.yaml:9:19: empty variable name '${}' in the 'GET' path
             8 |     - name: checkout
             9 |       GET: /items/${}
               |                   ^^^
            write a variable name between the braces, or '$${}' for a literal '${}'""",
          problems(withRequest("", "      GET: /items/${}\n")));
      assertEquals("""
          scenarios/bad.yaml:10:25: unclosed '${' in header 'X-Sku'
             9 |       GET: /
            10 |       headers: {X-Sku: "${sku"}
               |                         ^^^^^
            write '}' after the variable name, or '$$' for a literal '$'""",
          problems(withRequest("", "      GET: /\n      headers: {X-Sku: \"${sku\"}\n")));
    }
  }

  @Nested
  class ShapeErrors {

    @Test
    void exactlyOneShape() {
      assertEquals("""
          scenarios/bad.yaml:6:35: phase 'steady' has more than one load shape: 'constantRate' and 'poissonRate'; give exactly one
             5 |   phases:
             6 |     - steady: {constantRate: 5/s, poissonRate: 3/s, duration: 1s}
               |                                   ^^^^^^^^^^^""",
          problems(phases("    - steady: {constantRate: 5/s, poissonRate: 3/s, duration: 1s}\n")));
      assertEquals("""
          scenarios/bad.yaml:6:7: missing load shape in phase 'steady': give one of constantRate, rampRate, steps, poissonRate, users
             5 |   phases:
             6 |     - steady: {duration: 1s}
               |       ^^^^^^
            e.g. '- steady: {constantRate: 500/s, duration: 30s}'""", problems(phases("    - steady: {duration: 1s}\n")));
    }

    @Test
    void aMisspeltShapeIsReportedOnceWithItsSuggestion() {
      assertEquals("""
          scenarios/bad.yaml:6:16: unknown key 'poisonRate' in phase 'steady'
             5 |   phases:
             6 |     - steady: {poisonRate: 5/s, duration: 1s}
               |                ^^^^^^^^^^
            allowed: constantRate, rampRate, steps, poissonRate, users, thinkTime, duration, warmup
            did you mean 'poissonRate'?""", problems(phases("    - steady: {poisonRate: 5/s, duration: 1s}\n")));
    }

    @Test
    void thinkTimeOnlyWithUsers() {
      assertEquals("""
          scenarios/bad.yaml:6:35: 'thinkTime' applies only to a phase with 'users' (a closed model); phase 'steady' has 'constantRate'
             5 |   phases:
             6 |     - steady: {constantRate: 5/s, thinkTime: 1s, duration: 1s}
               |                                   ^^^^^^^^^
            remove 'thinkTime', or use 'users: N' instead of 'constantRate'""",
          problems(phases("    - steady: {constantRate: 5/s, thinkTime: 1s, duration: 1s}\n")));
    }

    @Test
    void rampAndStepsAreMaps() {
      assertEquals("""
          scenarios/bad.yaml:6:24: 'rampRate' must be a map, got '100/s'
             5 |   phases:
             6 |     - ramp: {rampRate: 100/s, duration: 1s}
               |                        ^^^^^
            e.g. 'rampRate: {from: 100/s, to: 1000/s}'""", problems(phases("    - ramp: {rampRate: 100/s, duration: 1s}\n")));
      assertEquals("""
          scenarios/bad.yaml:6:36: unknown key 'too' in 'rampRate' of phase 'ramp'
             5 |   phases:
             6 |     - ramp: {rampRate: {from: 1/s, too: 3/s}, duration: 1s}
               |                                    ^^^
            allowed: from, to
            did you mean 'to'?""", problems(phases("    - ramp: {rampRate: {from: 1/s, too: 3/s}, duration: 1s}\n")));
      assertEquals("""
          scenarios/bad.yaml:6:11: missing required key 'count' in 'steps' of phase 's'
             5 |   phases:
             6 |     - s: {steps: {from: 1/s, to: 3/s}, duration: 1s}
               |           ^^^^^""", problems(phases("    - s: {steps: {from: 1/s, to: 3/s}, duration: 1s}\n")));
    }

    @Test
    void stepRatesAndCount() {
      assertEquals(List.of("'to' must be >= 0, got '-5/s'", "'count' must be >= 2, got '1'"),
          messages(phases("    - s: {steps: {from: 10/s, to: -5/s, count: 1}, duration: 10s}\n")));
      assertEquals(List.of("'count' must be <= 10000, got '10001'"),
          messages(phases("    - s: {steps: {from: 10/s, to: 5/s, count: 10001}, duration: 10s}\n")));
      assertEquals(List.of("phase 's' is 3ns long, too short for 4 steps"),
          messages(phases("    - s: {steps: {from: 10/s, to: 5/s, count: 4}, duration: 3ns}\n")));
      assertEquals(List.of("'users' must be >= 1, got '0'"), messages(phases("    - u: {users: 0, duration: 10s}\n")));
    }

    @Test
    void unknownProtocol() {
      assertEquals("""
          scenarios/bad.yaml:5:13: unknown protocol 'h2'
             4 | load:
             5 |   protocol: h2
               |             ^^
            allowed: http1, h2c
            did you mean 'h2c'?""", problems(phases("    - s: {constantRate: 1/s, duration: 1s}\n").replace("load:\n", "load:\n  protocol: h2\n")));
    }
  }

  @Nested
  class RateOverride {
    private final String mixed = phases("""
            - warmup: {constantRate: 5/s, duration: 5s}
            - ramp: {rampRate: {from: 0/s, to: 100/s}, duration: 5s}
            - poisson: {poissonRate: 30/m, duration: 5s}
            - constant: {constantRate: 30/m, duration: 5s}
            - users: {users: 3, duration: 5s}
        """);

    @Test
    void rateAppliesToConstantAndPoissonPhasesOnly() throws ScenarioException {
      Scenario s = ScenarioParser.parse(FILE, mixed, new Overrides(List.of(), "70/s", null));
      assertEquals(List.of(new ConstantRate(5), new RampRate(0, 100), new PoissonRate(70), new ConstantRate(70),
          new ClosedUsers(3, Duration.ZERO)), s.load().phases().stream().map(Phase::shape).toList());
    }

    @Test
    void aZeroRateOverrideNamesTheShapeItWouldSet() {
      assertEquals("""
          --rate 0/s: 'poissonRate' must be > 0, got '0/s'

          --rate 0/s: 'constantRate' must be > 0, got '0/s'""", problems(FILE, mixed, new Overrides(List.of(), "0/s", null)));
    }

    @Test
    void rateWithoutAConstantOrPoissonPhaseIsAnError() {
      String yaml = phases("""
              - warmup: {constantRate: 5/s, duration: 5s}
              - ramp: {rampRate: {from: 0/s, to: 100/s}, duration: 5s}
              - users: {users: 3, duration: 5s}
          """);
      assertEquals("--rate 70/s: --rate applies to the constantRate and poissonRate phases that are not warm-up phases,"
          + " and there are none; set a rampRate, steps or users phase with --set", problems(FILE, yaml, new Overrides(List.of(), "70/s", null)));
    }
  }

  @Nested
  class FeederErrors {

    @Test
    void malformedCsvNamesTheFileAndTheLine() {
      String yaml = withRequest("    - {name: skus, csv: ragged.csv}\n", "      GET: /items/${sku}\n");
      assertEquals("""
          src/test/resources/feeders/scenario.yaml:8:25: feeder 'skus': src/test/resources/feeders/ragged.csv:5: 1 field, the header has 2 (sku, name)
             7 |   feeders:
             8 |     - {name: skus, csv: ragged.csv}
               |                         ^^^^^^^^^^""", problems(FIXTURES, yaml, Overrides.NONE));
    }

    @Test
    void aFolderIsNotACsvFile() {
      assertEquals(List.of("cannot read CSV file 'src' of feeder 'skus': no such file (looked for scenarios/src)"),
          messages(withRequest("    - {name: skus, csv: src}\n", "      GET: /\n")));
      assertEquals("cannot read CSV file '.' of feeder 'skus': it is a directory (looked for src/test/resources/feeders/.)",
          assertThrows(ScenarioException.class, () -> parse(FIXTURES, withRequest("    - {name: skus, csv: .}\n", "      GET: /\n")))
              .problems().get(0).message());
    }

    @Test
    void csvOrInlineExactlyOne() {
      assertEquals("""
          scenarios/bad.yaml:8:32: feeder 'skus' has both 'csv' and 'inline'; give one
             7 |   feeders:
             8 |     - {name: skus, csv: a.csv, inline: [{sku: A}]}
               |                                ^^^^^^""",
          problems(withRequest("    - {name: skus, csv: a.csv, inline: [{sku: A}]}\n", "      GET: /\n")));
      assertEquals("""
          scenarios/bad.yaml:8:7: missing data in feeder 'skus': give 'csv: FILE' or 'inline: [rows]'
             7 |   feeders:
             8 |     - {name: skus}
               |       ^^^^^^^^^^^^
            e.g. '- {name: skus, csv: data/skus.csv}'""", problems(withRequest("    - {name: skus}\n", "      GET: /\n")));
    }

    @Test
    void inlineRowsHaveTheColumnsOfTheFirst() {
      assertEquals("""
          scenarios/bad.yaml:8:46: row 2 of feeder 'q' has no 'price'; every row has the columns of row 1: qty, price
             7 |   feeders:
             8 |     - {name: q, inline: [{qty: 1, price: 2}, {qty: 3, prise: 4}]}
               |                                              ^^^^^^^^^^^^^^^^^^

          scenarios/bad.yaml:8:55: column 'prise' of row 2 is not a column of row 1 of feeder 'q'
             7 |   feeders:
             8 |     - {name: q, inline: [{qty: 1, price: 2}, {qty: 3, prise: 4}]}
               |                                                       ^^^^^
            allowed: qty, price
            did you mean 'price'?""",
          problems(withRequest("    - {name: q, inline: [{qty: 1, price: 2}, {qty: 3, prise: 4}]}\n", "      GET: /\n")));
      assertEquals(List.of("'inline' of feeder 'q' must have at least one row"),
          messages(withRequest("    - {name: q, inline: []}\n", "      GET: /\n")));
      assertEquals(List.of("column name 'unit price' must start with a letter or '_' and go on with letters, digits, '_', '.' or '-'"
              + " (at most 64), as templates use it: ${name}"),
          messages(withRequest("    - {name: q, inline: [{unit price: 1}]}\n", "      GET: /\n")));
    }

    @Test
    void namesAndColumnsAreUnique() {
      assertEquals(List.of("duplicate feeder name 'a' (first at line 8)"),
          messages(withRequest("    - {name: a, inline: [{x: 1}]}\n    - {name: a, inline: [{y: 1}]}\n", "      GET: /\n")));
      assertEquals(List.of("column 'x' of feeder 'b' is also a column of feeder 'a'; a variable must come from one feeder"),
          messages(withRequest("    - {name: a, inline: [{x: 1}]}\n    - {name: b, inline: [{y: 1, x: 2}]}\n", "      GET: /\n")));
      assertEquals(List.of("unknown strategy 'shufle'"),
          messages(withRequest("    - {name: a, inline: [{x: 1}], strategy: shufle}\n", "      GET: /\n")));
    }

    @Test
    void unknownVariableListsTheColumnsAndSuggests() {
      assertEquals("""
          scenarios/bad.yaml:11:18: unknown variable 'skus' in the 'GET' path: no feeder has this column
            10 |     - name: checkout
            11 |       GET: /item/${skus}?q=${qty}
               |                  ^^^^^^^
            allowed: qty, sku
            did you mean 'sku'?""",
          problems(withRequest("    - {name: a, inline: [{sku: A-1, qty: 2}]}\n", "      GET: /item/${skus}?q=${qty}\n")));
    }

    @Test
    void aVariableWithoutAnyFeeder() {
      assertEquals(List.of("unknown variable 'sku' in header 'X-Sku': no feeder is defined"),
          messages(withRequest("", "      GET: /\n      headers: {X-Sku: '${sku}'}\n")));
    }

    @Test
    void whenAFeederCannotBeReadItsVariablesAreNotAlsoReportedUnknown() {
      assertEquals(List.of("cannot read CSV file 'nope.csv' of feeder 'skus': no such file (looked for scenarios/nope.csv)"),
          messages(withRequest("    - {name: skus, csv: nope.csv}\n", "      GET: /items/${sku}\n")));
    }
  }

  @Nested
  class CheckErrors {

    @Test
    void statusValues() {
      assertEquals("""
          scenarios/bad.yaml:10:29: 'status' must be a status code (100 to 599) or a class such as 2xx, got '2xxx'
             9 |       GET: /
            10 |       check: {status: [200, 2xxx]}
               |                             ^^^^""",
          problems(withRequest("", "      GET: /\n      check: {status: [200, 2xxx]}\n")));
      assertEquals(List.of("'status' must be a status code (100 to 599) or a class such as 2xx, got '600'"),
          messages(withRequest("", "      GET: /\n      check: {status: 600}\n")));
      assertEquals(List.of("'status' must have at least one status"), messages(withRequest("", "      GET: /\n      check: {status: []}\n")));
    }

    @Test
    void bodyAndJson() {
      assertEquals(List.of("'bodyContains' must not be empty"), messages(withRequest("", "      GET: /\n      check: {bodyContains: ''}\n")));
      assertEquals("""
          scenarios/bad.yaml:10:31: 'pointer' must be a JSON pointer (RFC 6901): empty or starting with '/', e.g. /ok or /items/0/id, got 'ok'
             9 |       GET: /
            10 |       check: {json: {pointer: ok, equals: "true"}}
               |                               ^^
            did you mean '/ok'?""", problems(withRequest("", "      GET: /\n      check: {json: {pointer: ok, equals: \"true\"}}\n")));
      assertEquals(List.of("missing required key 'equals' in 'json' in 'check' of request 'checkout'"),
          messages(withRequest("", "      GET: /\n      check: {json: {pointer: /ok}}\n")));
      assertEquals(List.of("'check' is empty; give one of status, bodyContains, json"),
          messages(withRequest("", "      GET: /\n      check: {}\n")));
      assertEquals(List.of("unknown key 'body' in 'check' of request 'checkout'"),
          messages(withRequest("", "      GET: /\n      check: {body: ok}\n")));
    }
  }

  @Nested
  class Valid {

    @Test
    void everyShape() throws ScenarioException {
      Scenario s = parse(FILE, phases("""
              - warmup: {rampRate: {from: 0/s, to: 100/s}, duration: 5s}
              - stairs: {steps: {from: 100/s, to: 400/s, count: 4}, duration: 8s}
              - poisson: {poissonRate: 30/m, duration: 5s}
              - users: {users: 10, thinkTime: 100ms, duration: 5s}
              - busy: {users: 3, duration: 5s}
          """));
      assertEquals(List.of(
              new Phase("warmup", Duration.ofSeconds(5), new RampRate(0, 100), true),
              new Phase("stairs", Duration.ofSeconds(8), new StepRate(100, 400, 4), false),
              new Phase("poisson", Duration.ofSeconds(5), new PoissonRate(0.5), false),
              new Phase("users", Duration.ofSeconds(5), new ClosedUsers(10, Duration.ofMillis(100)), false),
              new Phase("busy", Duration.ofSeconds(5), new ClosedUsers(3, Duration.ZERO), false)),
          s.load().phases());
      assertEquals(List.of(
              map("warmup", map("rampRate", map("from", "0/s", "to", "100/s"), "duration", "5s", "warmup", true)),
              map("stairs", map("steps", map("from", "100/s", "to", "400/s", "count", 4), "duration", "8s", "warmup", false)),
              map("poisson", map("poissonRate", "0.5/s", "duration", "5s", "warmup", false)),
              map("users", map("users", 10, "thinkTime", "100ms", "duration", "5s", "warmup", false)),
              map("busy", map("users", 3, "thinkTime", "0s", "duration", "5s", "warmup", false))),
          ((Map<?, ?>) s.resolved().get("load")).get("phases"));
    }

    @Test
    void feedersTemplatesChecksAndTimeouts() throws ScenarioException {
      Scenario s = parse(FIXTURES, HEAD + """
            protocol: h2c
            phases:
              - steady: {poissonRate: 50/s, duration: 10s}
            feeders:
              - {name: skus, csv: skus.csv, strategy: shuffle}
              - name: sizes
                inline: [{size: S, qty: 1}, {size: XL, qty: '2'}]
                strategy: random
            requests:
              - name: item
                GET: /items/${sku}?size=${size}
                headers: {X-Name: '${name}'}
                check: {status: [200, 4xx], bodyContains: ok, json: {pointer: /ok, equals: true}}
                timeout: 2s
              - name: checkout
                POST: /checkout
                body: '{"sku": "${sku}", "qty": ${qty}, "note": "$$5 off"}'
          """);
      assertEquals(Protocol.H2C, s.load().protocol());
      assertEquals(List.of(
              new Feeder("skus", List.of("sku", "name"), List.of(List.of("A-1", "Widget, large"), List.of("A-2", "Gadget")),
                  Feeder.Strategy.SHUFFLE),
              new Feeder("sizes", List.of("size", "qty"), List.of(List.of("S", "1"), List.of("XL", "2")), Feeder.Strategy.RANDOM)),
          s.load().feeders());
      assertEquals(Map.of("skus", "skus.csv"), s.load().feederFiles());
      RequestTemplate item = s.load().requests().get(0);
      assertEquals(new RequestTemplate("item", 1, "GET", "/items/${sku}?size=${size}",
              List.of(new RequestTemplate.Header("X-Name", "${name}")), null,
              List.of(ResponseCheck.StatusIn.parse("200", "4xx"), new ResponseCheck.BodyContains("ok"),
                  new ResponseCheck.JsonFieldEquals("/ok", "true")),
              Duration.ofSeconds(2)),
          item);
      RequestTemplate checkout = s.load().requests().get(1);
      assertNull(checkout.timeout());
      assertEquals(List.of(), checkout.checks());

      Map<?, ?> load = (Map<?, ?>) s.resolved().get("load");
      assertEquals("h2c", load.get("protocol"));
      assertEquals(List.of(
              map("name", "skus", "csv", "skus.csv", "strategy", "shuffle"),
              map("name", "sizes", "inline", List.of(map("size", "S", "qty", "1"), map("size", "XL", "qty", "2")), "strategy", "random")),
          load.get("feeders"));
      assertEquals(map("name", "item", "weight", 1, "GET", "/items/${sku}?size=${size}", "headers", map("X-Name", "${name}"),
              "check", map("status", List.of(200, "4xx"), "bodyContains", "ok", "json", map("pointer", "/ok", "equals", "true")),
              "timeout", "2s"),
          ((List<?>) load.get("requests")).get(0));

      // The loadgen plan accepts what the parser accepted: every variable has its feeder.
      LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:8080"), 2, 1, s.load().phases(), s.load().requests(), 1,
          LoadDefaults.REQUEST_TIMEOUT, LoadDefaults.MAX_SCHEDULE_LAG_P99, s.load().feeders(), s.load().protocol());
      assertEquals("sizes", plan.feederOf("qty").name());
    }

    @Test
    void aLiteralDollarNeedsNoFeeder() throws ScenarioException {
      Scenario s = parse(FILE, withRequest("", "      POST: /pay\n      body: '{\"price\": \"$$5\", \"tip\": \"$3\"}'\n"));
      assertEquals("{\"price\": \"$$5\", \"tip\": \"$3\"}", s.load().requests().get(0).body());
      assertEquals(List.of(), s.load().feeders());
      assertEquals(Protocol.HTTP1, s.load().protocol());
    }

    @Test
    void theShippedCheckoutScenarioUsesItsFeeder() throws ScenarioException {
      Scenario s = ScenarioParser.parse(Path.of("checkout.yaml"));
      assertEquals(new PoissonRate(250), s.load().phases().get(1).shape());
      Feeder skus = s.load().feeders().get(0);
      assertEquals(List.of("sku", "name", "price", "quantity"), skus.columns());
      assertEquals(20, skus.rows().size());
      assertEquals(List.of("A-1002", "Filter papers, size 4", "3.50", "2"), skus.rows().get(1));
      assertEquals(List.of("A-1004", "Tamper 58mm \"pro\"", "39.00", "1"), skus.rows().get(3));
    }
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
