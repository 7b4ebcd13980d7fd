package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.RunManifest;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
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
    return chart;
  }
}
