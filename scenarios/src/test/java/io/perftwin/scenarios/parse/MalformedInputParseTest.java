package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever the input, the parser either returns a scenario or throws a {@link ScenarioException}
 * whose message can be printed: no other exception, no crash in the formatter. The inputs are a
 * valid scenario (every kind of key, feeders and templates included) cut off at every character,
 * with every line removed, and with a tab, a quote, a brace or a placeholder inserted at every line
 * start.
 */
class MalformedInputParseTest {
  private static final String SCENARIO = """
      name: robust
      description: every kind of node
      seed: 1
      target:
        service: demo
        demo: {workers: 2, serviceTime: exponential(1ms), pause: {after: 1s, for: 1s}}
      network:
        delay: 1ms
        jitter: 0ms
        loss: 0%
        rate: 1gbit
      load:
        protocol: h2c
        connections: 2
        timeout: 1s
        phases:
          - warmup: {constantRate: 10/s, duration: 1s}
          - steady: {constantRate: 20/s, duration: 2s, warmup: false}
          - ramp: {rampRate: {from: 0/s, to: 5/s}, duration: 1s}
          - stairs: {steps: {from: 5/s, to: 1/s, count: 2}, duration: 1s}
          - poisson: {poissonRate: 5/s, duration: 1s}
          - users: {users: 2, thinkTime: 1ms, duration: 1s}
        feeders:
          - {name: skus, csv: src/test/resources/feeders/skus.csv, strategy: shuffle}
          - name: sizes
            inline: [{size: S, qty: 1}, {size: M, qty: 2}]
        requests:
          - name: home
            weight: 2
            GET: /items/${sku}
          - name: post
            POST: /p?size=${size}
            headers: {A: b, X-Name: '${name}'}
            body: '{"q": ${qty}, "p": "$$1"}'
            check: {status: [200, 2xx], bodyContains: ok, json: {pointer: /ok, equals: "true"}}
            timeout: 500ms
      slo:
        - p99 < 5ms
        - post.errors <= 1%
      """;

  private static void check(String text) {
    try {
      ScenarioParser.parse(Path.of("fuzz.yaml"), text, new Overrides(List.of("load.connections=3"), "5/s", "1s"));
    } catch (ScenarioException e) {
      String message = e.getMessage();
      assertFalse(message.isBlank(), "empty message for:\n" + text);
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("parser threw " + e + " for:\n" + text, e);
    }
  }

  @Test
  void truncatedAtEveryCharacter() {
    for (int i = 0; i <= SCENARIO.length(); i++) {
      check(SCENARIO.substring(0, i));
    }
  }

  @Test
  void everyLineRemovedOrDisturbed() {
    List<String> lines = SCENARIO.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      for (String insert : new String[] {null, "\t", "'", "{", "- ", "? ", ": ", "${x}", "&a ", "*a "}) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < lines.size(); j++) {
          if (j == i && insert == null) {
            continue;
          }
          String line = lines.get(j);
          if (j == i) {
            int at = line.length() - line.stripLeading().length();
            line = line.substring(0, at) + insert + line.substring(at);
          }
          sb.append(line).append('\n');
        }
        check(sb.toString());
      }
    }
  }

  @Test
  void theUnmodifiedScenarioParses() {
    try {
      ScenarioParser.parse(Path.of("fuzz.yaml"), SCENARIO, Overrides.NONE);
    } catch (ScenarioException e) {
      fail(e.getMessage());
    }
  }
}
