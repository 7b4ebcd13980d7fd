package io.perftwin.gatling;

import io.perftwin.infra.DemoService;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.gatling.GatlingClasspath;
import io.perftwin.loadgen.gatling.GatlingEngine;
import io.perftwin.loadgen.gatling.GatlingRun;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.RequestStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Side-by-side: Gatling's own figures (its console summary) against perftwin's conversion of the
 * same run, for docs/gatling.md. Runs CheckoutSimulation at {@code -Dbench.rate} shoppers/s
 * (default 100) for {@code -Dbench.seconds} (default 30) against the demo service.
 *
 * <pre>mvn -o -pl loadgen,loadgen/gatling test -Dtest=GatlingComparisonBench -Dgatling.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("bench")
class GatlingComparisonBench {

  @Test
  void gatlingVersusPerftwin() throws Exception {
    String rate = System.getProperty("bench.rate", "100");
    String seconds = System.getProperty("bench.seconds", "30");
    Path repo = GatlingTestSupport.moduleDir().getParent().getParent();
    Path runDir = Files.createTempDirectory("gatling-bench");
    try (DemoService demo = GatlingTestSupport.demo()) {
      GatlingEngine engine = new GatlingEngine(GatlingClasspath.fromModule(GatlingTestSupport.moduleDir()), Clock.systemUTC(),
          List.of("-Xmx512m", "-Dcheckout.rate=" + rate, "-Dcheckout.duration=" + seconds,
              "-Dcheckout.skus=" + repo.resolve("scenarios/data/skus.csv")), p -> {});
      GatlingRun run = engine.runSimulation("perftwin.examples.CheckoutSimulation", repo.resolve("scenarios/simulations"),
          GatlingTestSupport.uri(demo), runDir, LatencyLogWriter.create(runDir.resolve("latency.hlog")), new RunControl());
      Map<String, long[]> g = GatlingTestSupport.consoleSummary(run.output());
      RequestStats all = run.measured().all();
      // Exact values, nearest rank, from the latencies of the log read independently.
      List<Integer> raw = new java.util.ArrayList<>();
      GatlingTestSupport.independentLatencies(run.simulationLog()).values().forEach(raw::addAll);
      java.util.Collections.sort(raw);
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%nCheckoutSimulation, %s shoppers/s for %s s, run folder %s%n", rate, seconds, runDir));
      sb.append("| figure (all requests) | Gatling (its summary) | perftwin | exact (nearest rank) |\n|---|---:|---:|---:|\n");
      row(sb, "requests", g.get("request count")[0], Long.toString(all.count()), Integer.toString(raw.size()));
      row(sb, "KO / errors", g.get("request count")[2], Long.toString(all.errors()), "");
      row(sb, "min (ms)", g.get("min response time (ms)")[0], ms(all.responseTime().getMinValue()), raw.get(0).toString());
      for (String p : List.of("50th", "75th", "95th", "99th")) {
        double q = Double.parseDouble(p.substring(0, 2));
        int rank = (int) Math.max(1, Math.ceil(q / 100 * raw.size()));
        row(sb, "p" + (int) q + " (ms)", g.get("response time " + p + " percentile (ms)")[0],
            ms(all.responseTime().getValueAtPercentile(q)), raw.get(rank - 1).toString());
      }
      row(sb, "max (ms)", g.get("max response time (ms)")[0], ms(all.responseTime().getMaxValue()), raw.get(raw.size() - 1).toString());
      row(sb, "mean (ms)", g.get("mean response time (ms)")[0], String.format(Locale.ROOT, "%.2f", all.responseTime().getMean() / 1e6),
          String.format(Locale.ROOT, "%.2f", raw.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN)));
      sb.append("Gatling report: ").append(run.reportIndex()).append('\n');
      System.out.println(sb);
      Files.writeString(Path.of("target/gatling-comparison.md"), sb.toString());
    }
  }

  private static void row(StringBuilder sb, String label, long gatling, String perftwin, String exact) {
    sb.append("| ").append(label).append(" | ").append(gatling < 0 ? "-" : Long.toString(gatling)).append(" | ")
        .append(perftwin).append(" | ").append(exact).append(" |\n");
  }

  /** Nanoseconds to ms with 3 decimals (HdrHistogram bucket's highest equivalent value). */
  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.3f", Histograms.millis(nanos));
  }
}
