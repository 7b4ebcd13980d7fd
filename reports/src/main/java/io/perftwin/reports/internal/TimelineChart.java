package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.IntervalPoint;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RunManifest;
import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * p50 and p99 response time per reporting interval over the whole run (warm-up shaded), at
 * each interval's end. Intervals without completions leave a gap.
 */
public final class TimelineChart {
  private TimelineChart() {}

  public static JFreeChart create(MeasuredRun run, RunManifest manifest) {
    ChartImages.init();
    XYSeries p50 = new XYSeries("p50", false, true);
    XYSeries p99 = new XYSeries("p99", false, true);
    for (IntervalPoint p : run.timeline()) {
      p50.add(p.endSeconds(), finiteOrNull(p.p50Millis()));
      p99.add(p.endSeconds(), finiteOrNull(p.p99Millis()));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(p50);
    data.addSeries(p99);
    JFreeChart chart = ChartFactory.createXYLineChart("Response time over the run (per interval)",
        "seconds since start", "response time (ms)", data, PlotOrientation.VERTICAL, true, false, false);
    Charts.style(chart);
    if (manifest.phases() != null) {
      for (RunManifest.PhaseWindow w : manifest.phases()) {
        if (w.warmup()) {
          IntervalMarker m = new IntervalMarker(w.startSeconds(), w.endSeconds());
          m.setPaint(new Color(0xEE, 0xEE, 0xEE));
          m.setLabel("warm-up");
          m.setLabelAnchor(RectangleAnchor.TOP);
          m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
          chart.getXYPlot().addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
        }
      }
    }
    return chart;
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
