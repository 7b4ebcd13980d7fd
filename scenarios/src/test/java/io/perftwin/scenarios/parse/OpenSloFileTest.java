package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.perftwin.reports.Slo;
import io.perftwin.reports.Slo.Comparison;
import io.perftwin.reports.Slo.Metric;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sloFiles:}: objectives from OpenSLO v1 files, and the message of each misuse. */
class OpenSloFileTest {
  private static final String SCENARIO = """
      name: openslo-test
      target: {service: demo}
      load:
        phases:
          - steady: {constantRate: 10/s, duration: 1s}
        requests:
          - {name: home, GET: /}
          - {name: checkout, POST: /checkout}
      slo:
        - p99 < 50ms
      sloFiles:
        - slo/objectives.yaml
      """;

  private static final String GOOD = """
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: whole-run
      spec:
        indicator:
          spec:
            thresholdMetric:
              metricSource:
                type: perftwin
                spec: {metric: p99.9}
        budgetingMethod: Occurrences
        timeWindow:
          - {duration: 28d, isRolling: true}
        objectives:
          - {displayName: fast (enough), op: lte, value: 250}
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: checkout-latency
      spec:
        indicator:
          spec:
            thresholdMetric:
              metricSource:
                type: perftwin
                spec: {request: checkout, metric: p99}
        budgetingMethod: Timeslices
        objectives:
          - {op: lt, value: 200, target: 0.95, timeSliceWindow: 1m}
          - {op: lt, value: 0.5, targetPercent: 50, timeSliceWindow: 2}
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: availability
      spec:
        indicator:
          spec:
            ratioMetric:
              counter: true
              good: {metricSource: {type: perftwin, spec: {request: home, metric: successes}}}
              total: {metricSource: {type: perftwin, spec: {request: home, metric: requests}}}
        budgetingMethod: Occurrences
        objectives:
          - target: 0.999
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: availability-per-window
      spec:
        indicator:
          spec:
            ratioMetric:
              bad: {metricSource: {type: perftwin, spec: {metric: errors}}}
              total: {metricSource: {type: perftwin, spec: {metric: requests}}}
        budgetingMethod: Timeslices
        objectives:
          - {target: 0.9, timeSliceTarget: 0.99, timeSliceWindow: 30s}
        alertPolicies: []
      ---
      apiVersion: openslo/v1
      kind: SLO
      metadata:
        name: rate
      spec:
        indicator:
          spec:
            thresholdMetric:
              metricSource: {type: perftwin, spec: {metric: throughput}}
        budgetingMethod: Occurrences
        objectives:
          - {op: gte, value: 9.5}
      """;

  @TempDir Path dir;

  private Path write(String openSlo) throws IOException {
    Files.createDirectories(dir.resolve("slo"));
    Files.writeString(dir.resolve("slo/objectives.yaml"), openSlo);
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, SCENARIO);
    return scenario;
  }

  private String message(String openSlo) throws IOException {
    Path scenario = write(openSlo);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(scenario));
    return e.getMessage().replace(dir.toString(), "DIR");
  }

  /** The good file with one part replaced. */
  private static String good(String from, String to) {
    if (!GOOD.contains(from)) {
      throw new IllegalArgumentException(from);
    }
    return GOOD.replace(from, to);
  }

  @Test
  void occurrencesTimeslicesAndRatioObjectivesBecomeTheseSlos() throws Exception {
    Scenario s = ScenarioParser.parse(write(GOOD));
    assertEquals(List.of(
        new Slo("p99 < 50ms", null, Metric.PERCENTILE, 99, Comparison.LT, 50),
        new Slo("p99.9 <= 250ms (OpenSLO whole-run: fast [enough])", null, Metric.PERCENTILE, 99.9, Comparison.LE, 250),
        new Slo("checkout.p99 < 200ms in 95% of 1m windows (OpenSLO checkout-latency)", "checkout",
            Metric.PERCENTILE, 99, Comparison.LT, 200, new Slo.Window(60, 0.95)),
        new Slo("checkout.p99 < 0.5ms in 50% of 2m windows (OpenSLO checkout-latency)", "checkout",
            Metric.PERCENTILE, 99, Comparison.LT, 0.5, new Slo.Window(120, 0.5)),
        new Slo("home.errors <= 0.1% (OpenSLO availability)", "home", Metric.ERRORS, Double.NaN, Comparison.LE, 0.001),
        new Slo("errors <= 1% in 90% of 30s windows (OpenSLO availability-per-window)", null, Metric.ERRORS,
            Double.NaN, Comparison.LE, 0.01, new Slo.Window(30, 0.9)),
        new Slo("throughput >= 9.5/s (OpenSLO rate)", null, Metric.THROUGHPUT, Double.NaN, Comparison.GE, 9.5)),
        s.slos());
    assertEquals(List.of("slo/objectives.yaml"), s.resolved().get("sloFiles"));
    assertEquals(7, ((List<?>) s.resolved().get("slo")).size());
  }

  @Test
  void textsReadBackAsTheSameObjectives() throws Exception {
    for (Slo slo : ScenarioParser.parse(write(GOOD)).slos()) {
      assertEquals(slo, SloParser.parse(slo.text(), List.of("home", "checkout")));
    }
  }

  @Test
  void wrongApiVersion() throws IOException {
    assertEquals("""
        DIR/slo/objectives.yaml:1:13: unsupported apiVersion 'openslo/v1alpha': perftwin reads OpenSLO 'openslo/v1' files
           1 | apiVersion: openslo/v1alpha
             |             ^^^^^^^^^^^^^^^
          allowed: openslo/v1""", message(GOOD.replaceFirst("openslo/v1", "openslo/v1alpha")));
  }

  @Test
  void kindOtherThanSlo() throws IOException {
    assertEquals("""
        DIR/slo/objectives.yaml:2:7: kind 'SLI' is not supported: an OpenSLO file of 'sloFiles' holds 'kind: SLO' objects
           1 | apiVersion: openslo/v1
           2 | kind: SLI
             |       ^^^
          allowed: SLO
          write the indicator inline, under the SLO's 'spec.indicator'""", message(GOOD.replaceFirst("kind: SLO", "kind: SLI")));
  }

  @Test
  void unknownMetric() throws IOException {
    assertEquals("""
        DIR/slo/objectives.yaml:11:26: unknown metric 'p99.9x'
          10 |           type: perftwin
          11 |           spec: {metric: p99.9x}
             |                          ^^^^^^
          allowed: pNN (e.g. p50, p99, p99.9), mean, max, errors, throughput
          did you mean 'p99.9'?""", message(good("{metric: p99.9}", "{metric: p99.9x}")));
  }

  @Test
  void unknownRequest() throws IOException {
    assertEquals("""
        DIR/slo/objectives.yaml:28:27: unknown request 'chekout' in OpenSLO metric source
          27 |           type: perftwin
          28 |           spec: {request: chekout, metric: p99}
             |                           ^^^^^^^
          allowed: home, checkout
          did you mean 'checkout'?""", message(good("{request: checkout,", "{request: chekout,")));
  }

  @Test
  void unsupportedMetricSourceType() throws IOException {
    assertEquals("""
        DIR/slo/objectives.yaml:10:17: metric source type 'Prometheus' is not supported: perftwin evaluates its own measurements of the run
           9 |         metricSource:
          10 |           type: Prometheus
             |                 ^^^^^^^^^^
          allowed: perftwin""", message(good("      type: perftwin\n          spec: {metric: p99.9}",
        "      type: Prometheus\n          spec: {metric: p99.9}")));
  }

  @Test
  void missingFileIsReportedAtItsPathInTheScenario() throws IOException {
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, SCENARIO);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(scenario));
    assertEquals("""
        DIR/s.yaml:12:5: cannot read OpenSLO file 'slo/objectives.yaml': no such file (looked for DIR/slo/objectives.yaml)
          11 | sloFiles:
          12 |   - slo/objectives.yaml
             |     ^^^^^^^^^^^^^^^^^^^
          paths in 'sloFiles' are relative to the scenario file""", e.getMessage().replace(dir.toString(), "DIR"));
  }

  @Test
  void thresholdUnderOccurrencesTakesNoTarget() throws IOException {
    assertEquals("""
        DIR/slo/objectives.yaml:16:57: 'target' does not apply to a perftwin thresholdMetric under Occurrences: the whole run is judged once on the metric itself
          15 |   objectives:
          16 |     - {displayName: fast (enough), op: lte, value: 250, target: 0.99}
             |                                                         ^^^^^^
          leave it out, or use 'budgetingMethod: Timeslices' to require a share of windows""",
        message(good("value: 250}", "value: 250, target: 0.99}")));
  }

  @Test
  void indicatorRefIsRefused() throws IOException {
    assertEquals("""
        DIR/slo/objectives.yaml:6:3: 'indicatorRef' is not supported: perftwin does not read SLI objects
           5 | spec:
           6 |   indicatorRef: my-sli
             |   ^^^^^^^^^^^^
          write the indicator inline, under 'indicator'""",
        message(good("""
            spec:
              indicator:
                spec:
                  thresholdMetric:
                    metricSource:
                      type: perftwin
                      spec: {metric: p99.9}
            """, "spec:\n  indicatorRef: my-sli\n")));
  }
}
