package io.perftwin.reports.internal;

import io.perftwin.reports.ChangePoint;
import io.perftwin.reports.HistoryEntry;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A metric over the runs of a scenario (x: run number, oldest first), each change point a vertical marker. */
public final class HistoryChart {
  private HistoryChart() {}

  public static JFreeChart create(String scenario, String metric, String unit, List<HistoryEntry> runs,
      List<ChangePoint> changePoints) {
    ChartImages.init();
    XYSeries s = new XYSeries(metric, false, true);
    for (int i = 0; i < runs.size(); i++) {
      s.add(i + 1, TimelineChart.finiteOrNull(runs.get(i).metric(metric)));
    }
    JFreeChart chart = ChartFactory.createXYLineChart(scenario + ": " + metric + " over " + runs.size() + " runs",
        "run (oldest first)", metric + " (" + unit + ")", new XYSeriesCollection(s), PlotOrientation.VERTICAL, true,
        false, false);
    Charts.style(chart);
    chart.getXYPlot().getRenderer().setSeriesStroke(0, new BasicStroke(2f));
    for (ChangePoint cp : changePoints) {
      ValueMarker m = new ValueMarker(cp.index() + 0.5); // between the last run before and the first after
      m.setPaint(new Color(0xC6, 0x28, 0x28));
      m.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      m.setLabel("change " + Figures.change(cp.relativeChange()));
      m.setLabelPaint(new Color(0xC6, 0x28, 0x28));
      m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      chart.getXYPlot().addDomainMarker(m);
    }
    return chart;
  }

  /** The chart as PNG bytes. */
  public static byte[] png(JFreeChart chart) {
    return ChartImages.png(chart);
  }
}
