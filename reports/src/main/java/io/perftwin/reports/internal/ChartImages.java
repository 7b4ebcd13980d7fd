package io.perftwin.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Charts as PNG {@code data:} URIs, so report.html needs no other file. Rendering is headless:
 * unless the JVM was told otherwise, {@code java.awt.headless} is set to {@code true} before
 * AWT is first touched.
 */
public final class ChartImages {
  private ChartImages() {}

  /** Size of every chart in report.html, pixels. */
  public static final int WIDTH = 960;
  public static final int HEIGHT = 480;

  public static final String DATA_URI_PREFIX = "data:image/png;base64,";

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Ensures headless mode is chosen before a chart class loads AWT. */
  public static void init() {
    // the static initializer does the work
  }

  public static String pngDataUri(JFreeChart chart) {
    return DATA_URI_PREFIX + Base64.getEncoder().encodeToString(png(chart));
  }

  /** The chart as PNG bytes, {@value #WIDTH} × {@value #HEIGHT}. */
  public static byte[] png(JFreeChart chart) {
    ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
    try {
      ChartUtils.writeChartAsPNG(png, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }
}
