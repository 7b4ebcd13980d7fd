package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import io.perftwin.reports.Slo;
import io.perftwin.reports.SloEvaluator;
import io.perftwin.reports.SloResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Response time against percentile, HdrHistogram style: the x axis is {@code 1/(1-p)} on a log
 * scale (ticks at 0%, 90%, 99%, 99.9%, …), one series for all requests and one per name,
 * horizontal markers at the thresholds of percentile and max objectives (those far above the
 * data are listed under the title instead, so the curves keep their shape).
 */
public final class PercentileChart {
  private PercentileChart() {}

  /** Percentile ticks per halving of the distance to 100%, as in HdrHistogram's percentile output. */
  static final int TICKS_PER_HALF_DISTANCE = 5;

  /** A threshold marker is drawn when it is at most this many times the highest value drawn. */
  static final double OFF_SCALE_FACTOR = 4;

  public static JFreeChart create(MeasuredRun run, RequestStats all, List<SloResult> slos) {
    return create(run, all, slos, null, null);
  }

  /**
   * The chart with the baseline's distribution of all requests overlaid (dashed, grey) when
   * {@code baselineAll} is not null.
   */
  public static JFreeChart create(MeasuredRun run, RequestStats all, List<SloResult> slos, Histogram baselineAll,
      String baselineRunId) {
    ChartImages.init();
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    histograms.put(SloEvaluator.ALL, all.responseTime());
    run.requests().forEach((name, stats) -> histograms.put(name, stats.responseTime()));

    XYSeriesCollection data = new XYSeriesCollection();
    double maxPosition = 2; // show at least up to 99%
    double maxMillis = 0;
    for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
      XYSeries series = series(e.getKey(), e.getValue());
      if (series.getItemCount() > 0) {
        data.addSeries(series);
        maxPosition = Math.max(maxPosition, series.getMaxX());
        maxMillis = Math.max(maxMillis, series.getMaxY());
      }
    }

    int baselineSeries = -1;
    if (baselineAll != null && baselineAll.getTotalCount() > 0) {
      XYSeries series = series("baseline " + (baselineRunId == null ? "" : baselineRunId + " ") + "(all)", baselineAll);
      data.addSeries(series);
      baselineSeries = data.getSeriesCount() - 1;
      maxPosition = Math.max(maxPosition, series.getMaxX());
      maxMillis = Math.max(maxMillis, series.getMaxY());
    }

    JFreeChart chart = ChartFactory.createXYLineChart("Response time by percentile (from intended start)",
        "percentile", "response time (ms)", data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    Charts.style(chart);
    NumberAxis x = (NumberAxis) plot.getDomainAxis();
    x.setTickUnit(new NumberTickUnit(1, new PercentileAxisFormat()));
    x.setRange(0, maxPosition * 1.02);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
    }
    if (baselineSeries >= 0) {
      plot.getRenderer().setSeriesStroke(baselineSeries,
          new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
      plot.getRenderer().setSeriesPaint(baselineSeries, Color.GRAY);
    }

    // Thresholds far above the data would squash it flat: those are named under the title instead.
    double top = maxMillis;
    List<String> offScale = new ArrayList<>();
    for (SloResult r : slos) {
      Slo slo = r.slo();
      if (slo.metric() == Slo.Metric.PERCENTILE || slo.metric() == Slo.Metric.MAX) {
        if (maxMillis == 0 || slo.threshold() <= OFF_SCALE_FACTOR * maxMillis) {
          plot.addRangeMarker(thresholdMarker(slo));
          top = Math.max(top, slo.threshold());
        } else {
          offScale.add(slo.text());
        }
      }
    }
    if (top > 0) {
      plot.getRangeAxis().setRange(0, top * 1.08);
    }
    if (!offScale.isEmpty()) {
      chart.addSubtitle(new TextTitle("objectives above the scale: " + String.join(", ", offScale)));
    }
    return chart;
  }

  static XYSeries series(String name, Histogram h) {
    XYSeries s = new XYSeries(name, false, true);
    if (h.getTotalCount() == 0) {
      return s;
    }
    double lastPosition = 0;
    for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
      double position = PercentileAxisFormat.position(v.getPercentileLevelIteratedTo());
      if (!Double.isFinite(position)) {
        // 100%: the max, drawn where the data's resolution ends (one request in total)
        position = Math.max(lastPosition, Math.log10(h.getTotalCount()));
      }
      s.add(position, v.getValueIteratedTo() / 1e6);
      lastPosition = position;
    }
    return s;
  }

  private static ValueMarker thresholdMarker(Slo slo) {
    ValueMarker m = new ValueMarker(slo.threshold());
    m.setPaint(new Color(0xC6, 0x28, 0x28));
    m.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    m.setLabel(slo.text());
    m.setLabelPaint(new Color(0xC6, 0x28, 0x28));
    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    return m;
  }
}
