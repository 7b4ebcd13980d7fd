package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact text is sealed by the golden files (console.txt); this checks its shape. */
class ConsoleSummaryTest {

  private static RunSummary summary(List<String> reasons, List<Slo> slos) {
    var run = Fixtures.quickstartRun(reasons, Map.of("login", Fixtures.stats(Fixtures.empty())));
    return RunSummary.of(Fixtures.manifest("quickstart"), run, SloEvaluator.evaluate(slos, run));
  }

  @Test
  void plainAsciiWithAlignedColumns() {
    String text = ConsoleSummary.render(summary(List.of(), Fixtures.QUICKSTART_SLOS));
    assertTrue(text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F)), text);
    List<String> table = text.lines().filter(l -> l.startsWith("  ")).limit(5).toList();
    assertTrue(table.get(0).startsWith("  request"), table.get(0));
    assertTrue(table.get(1).startsWith("  all "), table.get(1));
    for (String line : table) {
      assertEquals(table.get(0).length(), line.length(), "fixed-width: " + line);
    }
  }

  @Test
  void listsEveryObjectiveWithItsResultAndTheVerdict() {
    String text = ConsoleSummary.render(summary(List.of(), Fixtures.FAILING_SLOS));
    for (Slo slo : Fixtures.FAILING_SLOS) {
      assertTrue(text.lines().anyMatch(l -> l.contains(slo.text()) && l.contains("FAIL")), slo.text());
    }
    assertTrue(text.contains("verdict: FAIL (exit 1)\n"), text);
  }

  @Test
  void invalidRunEndsWithItsReasons() {
    String text = ConsoleSummary.render(summary(List.of("interrupted: SIGINT"), Fixtures.QUICKSTART_SLOS));
    assertTrue(text.endsWith("verdict: INVALID (exit 3)\nthe run is invalid; its figures cannot be trusted:\n"
        + "  - interrupted: SIGINT\n"), text);
  }
}
