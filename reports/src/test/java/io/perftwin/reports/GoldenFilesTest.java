package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** summary.json, junit.xml, summary.md and the console summary of fixed runs, against golden files. */
class GoldenFilesTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("pass", Fixtures.quickstartRun(List.of(), Map.of()), Fixtures.QUICKSTART_SLOS, Verdict.PASS),
        Arguments.of("fail", Fixtures.quickstartRun(List.of(), loginNeverCompleted()), Fixtures.FAILING_SLOS, Verdict.FAIL),
        Arguments.of("invalid", Fixtures.quickstartRun(Fixtures.INVALID_REASONS, loginNeverCompleted()),
            Fixtures.FAILING_SLOS, Verdict.INVALID));
  }

  private static Map<String, RequestStats> loginNeverCompleted() {
    return Map.of("login", Fixtures.stats(Fixtures.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputsMatchTheGoldenFiles(String name, MeasuredRun run, List<Slo> slos, Verdict verdict, @TempDir Path dir)
      throws IOException {
    RunSummary summary = RunReport.write(dir, Fixtures.manifest("quickstart"), run, slos);
    assertEquals(verdict, summary.verdict());
    for (String file : List.of(RunReport.SUMMARY_JSON, RunReport.JUNIT_XML, RunReport.SUMMARY_MD)) {
      String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
      assertFalse(text.contains("\r"), file + " must use LF line ends");
      Golden.assertMatches(name + "/" + file, text);
    }
    Golden.assertMatches(name + "/console.txt", ConsoleSummary.render(summary));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputIsDeterministic(String name, MeasuredRun run, List<Slo> slos, Verdict verdict, @TempDir Path dir)
      throws IOException {
    RunReport.write(dir.resolve("a"), Fixtures.manifest("quickstart"), run, slos);
    RunReport.write(dir.resolve("b"), Fixtures.manifest("quickstart"), run, slos);
    for (String file : List.of(RunReport.SUMMARY_JSON, RunReport.JUNIT_XML, RunReport.SUMMARY_MD)) {
      assertEquals(Files.readString(dir.resolve("a").resolve(file)), Files.readString(dir.resolve("b").resolve(file)), file);
    }
  }
}
