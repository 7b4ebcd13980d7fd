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

  /** A fixed comparison: home unchanged, checkout 30% slower in the tail and too small for p99.9. */
  static BaselineComparison comparison() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(2026);
    SyntheticRuns.Latency home = SyntheticRuns.logNormal(2.5, 0.3);
    SyntheticRuns.Latency checkout = SyntheticRuns.logNormal(4, 0.4);
    SyntheticRuns.Latency checkoutSlower = SyntheticRuns.tailScaled(checkout, 6, 1.3);
    return BaselineComparison.compare("20261121T090000Z-quickstart",
        twoNames(SyntheticRuns.intervals(home, 30, 400, rng), SyntheticRuns.intervals(checkout, 30, 100, rng)),
        twoNames(SyntheticRuns.intervals(home, 30, 400, rng), SyntheticRuns.intervals(checkoutSlower, 30, 100, rng)),
        ComparisonSettings.DEFAULT, null);
  }

  private static io.perftwin.reports.internal.RunSamples twoNames(List<org.HdrHistogram.Histogram> home,
      List<org.HdrHistogram.Histogram> checkout) {
    io.perftwin.reports.internal.BlockedSamples h = new io.perftwin.reports.internal.BlockedSamples();
    io.perftwin.reports.internal.BlockedSamples c = new io.perftwin.reports.internal.BlockedSamples();
    io.perftwin.reports.internal.BlockedSamples all = new io.perftwin.reports.internal.BlockedSamples();
    for (int i = 0; i < home.size(); i++) {
      var hc = io.perftwin.reports.internal.SparseCounts.of(home.get(i));
      var cc = io.perftwin.reports.internal.SparseCounts.of(checkout.get(i));
      h.add(hc);
      c.add(cc);
      all.add(hc.plus(cc));
    }
    java.util.Map<String, io.perftwin.reports.internal.BlockedSamples> byName = new java.util.LinkedHashMap<>();
    byName.put("home", h);
    byName.put("checkout", c);
    return new io.perftwin.reports.internal.RunSamples(byName, all);
  }

  @org.junit.jupiter.api.Test
  void comparedRunMatchesTheGoldenFiles(@TempDir Path dir) throws IOException {
    BaselineComparison c = comparison();
    assertEquals(ChangeVerdict.WORSE, c.verdict());
    RunSummary summary = RunReport.write(dir, Fixtures.manifest("quickstart"), Fixtures.quickstartRun(List.of(), Map.of()),
        Fixtures.QUICKSTART_SLOS, c);
    assertEquals(Verdict.FAIL, summary.verdict(), "every objective met, but checkout regressed");
    for (String file : List.of(RunReport.SUMMARY_JSON, RunReport.JUNIT_XML, RunReport.SUMMARY_MD)) {
      Golden.assertMatches("compared/" + file, Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
    }
    Golden.assertMatches("compared/console.txt", ConsoleSummary.render(summary));
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
