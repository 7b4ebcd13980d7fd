package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.RunManifest;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Failed requests per second of each interval, over the whole run. */
final class ErrorsChart {
  private ErrorsChart() {}

  static JFreeChart create(List<TimelinePoint> timeline, RunManifest manifest) {
    ChartImages.init();
    XYSeries errors = new XYSeries("errors/s", false, true);
    for (TimelinePoint p : timeline) {
      if (p.seconds() > 0) {
        errors.add(p.endSeconds(), p.errors() / p.seconds());
      }
    }
    JFreeChart chart = ChartFactory.createXYLineChart("Errors over the run", "seconds since start",
        "failed requests per second", new XYSeriesCollection(errors), PlotOrientation.VERTICAL, true, false, false);
    Charts.style(chart);
    TimelineChart.shadeWarmup(chart, manifest);
    // Errors are never negative, and a run without any should show a flat line at 0 on a 0–1
    // axis, not an axis auto-ranged around zero to ±5e-9.
    NumberAxis range = (NumberAxis) chart.getXYPlot().getRangeAxis();
    range.setAutoRangeIncludesZero(true);
    range.setAutoRangeMinimumSize(1.0);
    range.setLowerBound(0);
    double max = errors.getItemCount() == 0 ? 0 : errors.getMaxY();
    range.setRange(0, Math.max(1.0, max * 1.08));
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return chart;
  }
}
