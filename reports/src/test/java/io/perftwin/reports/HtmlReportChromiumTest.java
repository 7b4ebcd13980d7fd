package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html opened by a real browser: headless Chromium takes a screenshot and dumps the DOM.
 * The page has no scripts, so "every image decoded" is checked from pixels: each chart's middle
 * row of pixels must appear, 1:1, somewhere in a full-page screenshot (a broken image would show
 * an icon and its alt text instead), and the verdict banner's colour must be at the top.
 * Skipped when {@value #CHROMIUM} is absent ({@code apt-get install -y chromium}; .ci/run installs it).
 */
@Tag("slow")
class HtmlReportChromiumTest {
  static final String CHROMIUM = "/usr/bin/chromium";
  private static final Pattern PNG_SRC = Pattern.compile("<img class=\"chart\" width=\"(\\d+)\" height=\"(\\d+)\" alt=\"[^\"]*\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");

  @TempDir static Path tmp;
  static Path report;
  static List<BufferedImage> charts = new ArrayList<>();

  @BeforeAll
  static void writeAComparedReport() throws IOException {
    assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is not installed: skipping the browser test"
        + " (apt-get install -y chromium)");
    Map<String, SyntheticRuns.Latency> base = new LinkedHashMap<>();
    base.put("home", SyntheticRuns.logNormal(4, 0.4));
    Map<String, SyntheticRuns.Latency> slower = new LinkedHashMap<>();
    slower.put("home", SyntheticRuns.tailScaled(SyntheticRuns.logNormal(4, 0.4), 8, 1.3));
    List<Slo> slos = List.of(new Slo("p99 < 12ms", null, Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 12));
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    SyntheticRuns.writeRun(a, "quickstart", base, 20, 300, 1, slos);
    SyntheticRuns.writeRun(b, "quickstart", slower, 20, 300, 2, slos);
    RunFolder candidate = RunFolder.read(b);
    RunReport.rewrite(candidate, slos, BaselineComparison.compare(RunFolder.read(a), candidate, ComparisonSettings.DEFAULT));
    report = b.resolve(RunReport.REPORT_HTML);
    Matcher m = PNG_SRC.matcher(Files.readString(report));
    while (m.find()) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(3))));
      assertNotNull(image);
      assertEquals(Integer.parseInt(m.group(1)), image.getWidth(), "width attribute is the PNG's width");
      assertEquals(Integer.parseInt(m.group(2)), image.getHeight(), "height attribute is the PNG's height");
      charts.add(image);
    }
    assertEquals(4, charts.size(), "distribution, latency over time, rate, errors");
  }

  private static String chromium(String... extra) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--force-device-scale-factor=1",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium-profile")));
    cmd.addAll(List.of(extra));
    cmd.add(report.toUri().toString());
    Path stdout = Files.createTempFile(tmp, "chromium", ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s: " + cmd);
    }
    assertEquals(0, p.exitValue(), "chromium exit code; command " + cmd);
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  @Test
  void theVerdictBannerIsAtTheTopOfTheScreenshot() throws Exception {
    Path shot = tmp.resolve("top.png");
    chromium("--screenshot=" + shot, "--window-size=1280,2000");
    BufferedImage image = ImageIO.read(shot.toFile());
    assertEquals(1280, image.getWidth());
    int banner = 0;
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        banner += close(image.getRGB(x, y), 0xC62828) ? 1 : 0;
      }
    }
    assertTrue(banner > 5_000, "red FAIL banner pixels at the top: " + banner);
    assertTrue(distinctColours(image) > 50, "the page is not blank");
  }

  @Test
  void everyChartIsDrawnInTheFullPage() throws Exception {
    Path shot = tmp.resolve("full.png");
    chromium("--screenshot=" + shot, "--window-size=1280,7000");
    BufferedImage page = ImageIO.read(shot.toFile());
    for (int i = 0; i < charts.size(); i++) {
      BufferedImage chart = charts.get(i);
      int[] row = busiestRow(chart);
      assertTrue(nonWhite(row) > 100, "a distinctive row: " + nonWhite(row) + " non-white pixels");
      assertTrue(appears(row, page), "chart " + (i + 1) + " of " + charts.size() + " is not drawn on the page");
      int[] inverted = row.clone();
      for (int k = 0; k < inverted.length; k++) {
        inverted[k] = ~inverted[k];
      }
      assertFalse(appears(inverted, page), "control: a row that is not on the page is not found");
    }
  }

  @Test
  void theDomHasTheVerdictTheChartsAndNoScript() throws Exception {
    String dom = chromium("--virtual-time-budget=5000", "--dump-dom");
    assertTrue(dom.contains("class=\"banner fail\""), "verdict banner in the DOM");
    assertTrue(dom.contains("Compared with the baseline"), "comparison section");
    assertEquals(4, dom.split("<img class=\"chart\"", -1).length - 1, "four chart images");
    assertFalse(dom.contains("<script"), "no scripts");
    assertFalse(dom.contains("could not be drawn"), "no chart failed to render");
  }

  /** The row of the image with the most non-white pixels, so that it cannot match a blank stretch of page. */
  private static int[] busiestRow(BufferedImage image) {
    int[] best = null;
    for (int y = 0; y < image.getHeight(); y++) {
      int[] row = image.getRGB(0, y, image.getWidth(), 1, null, 0, image.getWidth());
      if (best == null || nonWhite(row) > nonWhite(best)) {
        best = row;
      }
    }
    return best;
  }

  private static int nonWhite(int[] row) {
    int n = 0;
    for (int p : row) {
      n += close(p, 0xFFFFFF) ? 0 : 1;
    }
    return n;
  }

  /** Whether the row of pixels appears 1:1 (each channel within 3) somewhere in the page. */
  private static boolean appears(int[] row, BufferedImage page) {
    int w = row.length;
    int[] line = new int[page.getWidth()];
    for (int y = 0; y < page.getHeight(); y++) {
      page.getRGB(0, y, page.getWidth(), 1, line, 0, page.getWidth());
      for (int x = 0; x + w <= line.length; x++) {
        int mismatches = 0;
        for (int k = 0; k < w && mismatches <= w / 100; k++) {
          if (!close(line[x + k], row[k])) {
            mismatches++;
          }
        }
        if (mismatches <= w / 100) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean close(int argb, int rgb) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((argb >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) > 3) {
        return false;
      }
    }
    return true;
  }

  private static int distinctColours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colours.size();
  }
}
