package io.perftwin.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bad inputs of the engine issue at the command line: each exits 2, names the field, and
 * creates no run folder.
 */
class BadWorkloadInputTest {
  @TempDir Path dir;

  private static final String SCENARIO = """
      name: bad
      target: {service: demo}
      load:
        feeders:
          - {name: skus, FEEDER}
        phases:
          - steady: {constantRate: RATE, duration: DURATION}
        requests:
          - name: buy
            POST: /checkout
            body: 'BODY'
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "zero rate        | 'inline: [{sku: A}]' | 0/s   | 5s   | {\"sku\": \"${sku}\"}  | 'constantRate' must be > 0, got '0/s'",
      "negative duration| 'inline: [{sku: A}]' | 10/s  | -5s  | {\"sku\": \"${sku}\"}  | 'duration' must be > 0, got '-5s'",
      "unknown feeder   | 'csv: nowhere.csv'   | 10/s  | 5s   | {\"sku\": \"${sku}\"}  | nowhere.csv",
      "malformed template| 'inline: [{sku: A}]'| 10/s  | 5s   | {\"sku\": \"${sku\"}   | body"})
  void exitsTwoNamingTheField(String what, String feeder, String rate, String duration, String body, String expected) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, SCENARIO.replace("FEEDER", feeder).replace("RATE", rate).replace("DURATION", duration).replace("BODY", body));
    StringWriter err = new StringWriter();
    Path runs = dir.resolve("runs");
    int code = TwinCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "run", file.toString(), "--out", runs.toString());
    assertEquals(2, code, err::toString);
    assertTrue(err.toString().contains(expected), () -> "expected '" + expected + "' in:\n" + err);
    assertTrue(err.toString().contains("bad.yaml:"), err::toString);
    assertFalse(Files.exists(runs), "nothing written");
  }
}
