package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.reports.internal.ChartImages;
import io.perftwin.reports.internal.Escape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  private static final Pattern PNG_SRC = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private static String report(Path dir, MeasuredRun run, List<Slo> slos) throws IOException {
    RunReport.write(dir, Fixtures.manifest("quickstart"), run, slos);
    return Files.readString(dir.resolve(RunReport.REPORT_HTML), StandardCharsets.UTF_8);
  }

  private static List<byte[]> embeddedPngs(String html) {
    List<byte[]> images = new ArrayList<>();
    Matcher m = PNG_SRC.matcher(html);
    while (m.find()) {
      images.add(Base64.getDecoder().decode(m.group(1)));
    }
    return images;
  }

  /** The quickstart fixture (valid), its generator's schedule lag 2 to 4 ms: p99 3.98 ms. */
  private static MeasuredRun laggingButValidRun() {
    MeasuredRun r = Fixtures.quickstartRun(List.of(), Map.of());
    org.HdrHistogram.Histogram lag = io.perftwin.loadgen.results.Histograms.create();
    for (int i = 0; i < 10_000; i++) {
      lag.recordValue(2_000_000L + (i % 1000) * 2_000L);
    }
    return new MeasuredRun(r.start(), r.end(), r.measuredSeconds(), r.offeredRate(), r.requests(), lag, r.timeline(),
        List.of());
  }

  @Test
  void aValidRunWithHighScheduleLagCarriesTheLagCaveat(@TempDir Path dir) throws IOException {
    MeasuredRun run = laggingButValidRun();
    String html = report(dir, run, Fixtures.QUICKSTART_SLOS);
    assertTrue(html.contains("<div class=\"caveat lag\"><strong>Caveat:</strong> The generator&apos;s schedule lag p99 was 3.98 ms"
        + " (above 1.00 ms)"), html);
    assertTrue(html.contains("latencies below 3.98 ms are not resolvable in this run"), html);
    assertFalse(html.contains("This run is invalid"), "the run is valid");
    String md = Files.readString(dir.resolve(RunReport.SUMMARY_MD), StandardCharsets.UTF_8);
    assertTrue(md.contains("**Caveat:** The generator's schedule lag p99 was 3.98 ms"), md);
  }

  @Test
  void aLowLagRunHasNoLagCaveat(@TempDir Path dir) throws IOException {
    String html = report(dir, Fixtures.quickstartRun(List.of(), Map.of()), Fixtures.QUICKSTART_SLOS);
    assertFalse(html.contains("caveat lag"), "lag p99 is 0.25 ms");
    assertFalse(html.contains("schedule lag p99 was"));
    assertFalse(Files.readString(dir.resolve(RunReport.SUMMARY_MD), StandardCharsets.UTF_8).contains("Caveat"));
  }

  @Test
  void anInvalidRunHasItsOwnCaveatNotTheLagOne(@TempDir Path dir) throws IOException {
    MeasuredRun lagging = laggingButValidRun();
    MeasuredRun invalid = new MeasuredRun(lagging.start(), lagging.end(), lagging.measuredSeconds(),
        lagging.offeredRate(), lagging.requests(), lagging.scheduleLag(), lagging.timeline(), List.of("fell behind"));
    String html = report(dir, invalid, Fixtures.QUICKSTART_SLOS);
    assertTrue(html.contains("This run is invalid"));
    assertFalse(html.contains("caveat lag"));
  }

  @Test
  void showsTheVerdictAndEveryObjective(@TempDir Path dir) throws IOException {
    String html = report(dir, Fixtures.quickstartRun(List.of(), Map.of()), Fixtures.QUICKSTART_SLOS);
    assertTrue(html.contains("class=\"banner pass\""), "verdict banner");
    assertTrue(html.contains("quickstart \u2014 PASS"), "verdict text");
    for (Slo slo : Fixtures.QUICKSTART_SLOS) {
      assertTrue(html.contains("<td>" + Escape.html(slo.text()) + "</td>"), slo.text());
    }
    assertTrue(html.contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), "manifest sha256");
    assertTrue(html.contains("<td>42</td>"), "manifest seed");
  }

  @Test
  void chartsAreEmbeddedPngsOfTheExpectedSize(@TempDir Path dir) throws IOException {
    String html = report(dir, Fixtures.quickstartRun(List.of(), Map.of()), Fixtures.QUICKSTART_SLOS);
    List<byte[]> images = embeddedPngs(html);
    assertEquals(4, images.size(), "percentile distribution, latency over time, rate, errors");
    for (byte[] png : images) {
      assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length));
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertNotNull(image, "ImageIO reads the PNG");
      assertEquals(ChartImages.WIDTH, image.getWidth());
      assertEquals(ChartImages.HEIGHT, image.getHeight());
    }
  }

  @Test
  void isSelfContained(@TempDir Path dir) throws IOException {
    String html = report(dir, Fixtures.quickstartRun(List.of(), Map.of()), Fixtures.QUICKSTART_SLOS);
    assertFalse(html.contains("http://"), "no external URL");
    assertFalse(html.contains("https://"), "no external URL");
    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.contains("<link"), "no linked resources");
  }

  @Test
  void invalidRunShowsItsReasonsEscaped(@TempDir Path dir) throws IOException {
    String html = report(dir, Fixtures.quickstartRun(Fixtures.INVALID_REASONS, Map.of("login", Fixtures.stats(Fixtures.empty()))),
        Fixtures.FAILING_SLOS);
    assertTrue(html.contains("class=\"banner invalid\""));
    assertTrue(html.contains("<div class=\"caveat\">"), "validity caveat is visible");
    assertTrue(html.contains("interrupted: &lt;Ctrl-C&gt; &amp; &apos;quit&apos; | &quot;stop&quot;"), "reason escaped");
    assertFalse(html.contains("<Ctrl-C>"), "raw user text must not reach the page");
    assertTrue(html.contains("<td>throughput &gt; 600/s &amp; &quot;more&quot;</td>"), "objective escaped");
    assertFalse(embeddedPngs(html).isEmpty());
  }

  @Test
  void runWithoutTimelineHasOnlyTheDistributionChart(@TempDir Path dir) throws IOException {
    MeasuredRun run = Fixtures.run(Map.of("home", Fixtures.stats(Fixtures.histogram(100, Fixtures.MS))), 10, List.of());
    assertEquals(1, embeddedPngs(report(dir, run, List.of())).size());
  }
}
