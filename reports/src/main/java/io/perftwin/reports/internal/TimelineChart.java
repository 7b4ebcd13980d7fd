package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.RunManifest;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * p50, p90, p99 and max response time per reporting interval over the whole run (warm-up
 * shaded), at each interval's end. Intervals without completions leave a gap; p90 is drawn when
 * the latency log was at hand.
 */
final class TimelineChart {
  private TimelineChart() {}

  static JFreeChart create(List<TimelinePoint> timeline, RunManifest manifest) {
    ChartImages.init();
    XYSeries p50 = new XYSeries("p50", false, true);
    XYSeries p90 = new XYSeries("p90", false, true);
    XYSeries p99 = new XYSeries("p99", false, true);
    XYSeries max = new XYSeries("max", false, true);
    boolean anyP90 = false;
    for (TimelinePoint p : timeline) {
      p50.add(p.endSeconds(), finiteOrNull(p.p50Millis()));
      p90.add(p.endSeconds(), finiteOrNull(p.p90Millis()));
      anyP90 |= Double.isFinite(p.p90Millis());
      p99.add(p.endSeconds(), finiteOrNull(p.p99Millis()));
      max.add(p.endSeconds(), finiteOrNull(p.maxMillis()));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(p50);
    if (anyP90) {
      data.addSeries(p90);
    }
    data.addSeries(p99);
    data.addSeries(max);
    JFreeChart chart = ChartFactory.createXYLineChart("Response time over the run (per interval)",
        "seconds since start", "response time (ms)", data, PlotOrientation.VERTICAL, true, false, false);
    Charts.style(chart);
    shadeWarmup(chart, manifest);
    return chart;
  }

  /** Shades warm-up phases, as every over-time chart does. */
  static void shadeWarmup(JFreeChart chart, RunManifest manifest) {
    if (manifest.phases() == null) {
      return;
    }
    for (RunManifest.PhaseWindow w : manifest.phases()) {
      if (w.warmup()) {
        IntervalMarker m = new IntervalMarker(w.startSeconds(), w.endSeconds());
        m.setPaint(new Color(0xEE, 0xEE, 0xEE));
        m.setLabel("warm-up");
        m.setLabelAnchor(RectangleAnchor.TOP);
        m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        chart.getXYPlot().addDomainMarker(m, Layer.BACKGROUND);
      }
    }
  }

  static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
