package io.perftwin.reports.capacity;

import io.perftwin.reports.Slo;
import io.perftwin.reports.internal.ChartImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The charts of a capacity study; the look follows the run report's charts. */
final class CapacityCharts {
  private CapacityCharts() {}

  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final Color SLO = new Color(0xC6, 0x28, 0x28);
  private static final Color CAPACITY = new Color(0x2E, 0x7D, 0x32);

  /** p50 and p99 latency of every open-model trial against its offered rate, the latency objectives as lines. */
  static JFreeChart latencyVsRate(List<Trial> trials, List<Slo> slos, double capacity) {
    ChartImages.init();
    List<Trial> sorted = new ArrayList<>(trials);
    sorted.sort(Comparator.comparingDouble(Trial::offeredRate));
    XYSeries p99 = new XYSeries("p99", true, true);
    XYSeries p50 = new XYSeries("p50", true, true);
    for (Trial t : sorted) {
      // Inconclusive trials (generator-bound, invalid) say nothing about the target: left out.
      if (t.outcome().conclusive() && Double.isFinite(t.latencyP99Ms())) {
        p99.addOrUpdate(t.level(), t.latencyP99Ms());
        p50.addOrUpdate(t.level(), t.latencyP50Ms());
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(p99);
    data.addSeries(p50);
    JFreeChart chart = ChartFactory.createXYLineChart("Latency vs offered rate", "offered rate (per second)",
        "response time (ms, from intended start)", data, PlotOrientation.VERTICAL, true, false, false);
    style(chart);
    XYPlot plot = chart.getXYPlot();
    shapes(plot);
    for (Slo s : TrialJudge.applicable(slos)) {
      if (s.metric() != Slo.Metric.ERRORS) {
        plot.addRangeMarker(marker(s.threshold(), "SLO " + s.text(), SLO));
      }
    }
    if (Double.isFinite(capacity)) {
      plot.addDomainMarker(domainMarker(capacity, "capacity " + Figures.rate(capacity)));
    }
    return chart;
  }

  /** Throughput against load level (users or rate), with the fitted USL curve when there is one. */
  static JFreeChart throughputVsLoad(Sweep sweep) {
    ChartImages.init();
    XYSeries measured = new XYSeries("measured", true, true);
    for (Trial t : sweep.trials()) {
      measured.addOrUpdate(t.level(), t.throughput());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(measured);
    if (sweep.usl() != null) {
      XYSeries curve = new XYSeries(String.format(java.util.Locale.ROOT, "USL σ=%.4g κ=%.3g λ=%.4g",
          sweep.usl().model().sigma(), sweep.usl().model().kappa(), sweep.usl().model().lambda()), true, true);
      double max = sweep.trials().get(sweep.trials().size() - 1).level();
      for (int i = 0; i <= 200; i++) {
        double n = 1 + (max - 1) * i / 200.0;
        curve.addOrUpdate(n, sweep.usl().model().throughput(n));
      }
      data.addSeries(curve);
    }
    String x = sweep.mode() == Sweep.Mode.USERS ? "users (concurrency)" : "offered rate (per second)";
    JFreeChart chart = ChartFactory.createXYLineChart("Throughput vs load", x, "throughput (successes per second)",
        data, PlotOrientation.VERTICAL, true, false, false);
    style(chart);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = shapes(plot);
    if (sweep.usl() != null) {
      r.setSeriesShapesVisible(1, false);
      r.setSeriesLinesVisible(0, false);
    }
    if (sweep.knee() >= 0) {
      double k = sweep.trials().get(sweep.knee()).level();
      plot.addDomainMarker(domainMarker(k, "knee " + Figures.number(k)));
    }
    return chart;
  }

  /** Capacity found at each replica count, the USL over replicas and its prediction band. */
  static JFreeChart capacityVsReplicas(ScaleOut s) {
    ChartImages.init();
    XYSeries found = new XYSeries("capacity found", true, true);
    for (int i = 0; i < s.replicas().size(); i++) {
      SearchResult r = s.searches().get(i);
      if (r.status() == SearchResult.Status.FOUND) {
        found.addOrUpdate((double) s.replicas().get(i), r.capacity());
      }
    }
    XYSeriesCollection points = new XYSeriesCollection(found);
    JFreeChart chart = ChartFactory.createXYLineChart("Capacity vs replicas", "replicas",
        "capacity (requests per second meeting the SLOs)", points, PlotOrientation.VERTICAL, true, false, false);
    style(chart);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = shapes(plot);
    r.setSeriesLinesVisible(0, false);
    if (s.usl() != null) {
      int max = s.replicas().stream().mapToInt(Integer::intValue).max().orElse(1);
      for (ScaleOut.Prediction p : s.predictions()) {
        max = Math.max(max, p.replicas());
      }
      YIntervalSeries band = new YIntervalSeries("USL fit, " + Math.round(ScaleOut.BAND_CONFIDENCE * 100) + "% band");
      for (int i = 0; i <= 150; i++) {
        double n = 1 + (max - 1) * i / 150.0;
        double x = s.usl().model().throughput(n);
        double[] b = s.usl().band(n, ScaleOut.BAND_CONFIDENCE);
        band.add(n, x, Double.isNaN(b[0]) ? x : b[0], Double.isNaN(b[1]) ? x : b[1]);
      }
      DeviationRenderer dr = new DeviationRenderer(true, false);
      dr.setSeriesFillPaint(0, new Color(0x15, 0x65, 0xC0));
      dr.setAlpha(0.2f);
      YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
      bandData.addSeries(band);
      plot.setDataset(1, bandData);
      plot.setRenderer(1, dr);
      XYSeries predicted = new XYSeries("predicted", true, true);
      for (ScaleOut.Prediction p : s.predictions()) {
        predicted.addOrUpdate(p.replicas(), p.capacity());
      }
      plot.setDataset(2, new XYSeriesCollection(predicted));
      XYLineAndShapeRenderer pr = new XYLineAndShapeRenderer(false, true);
      plot.setRenderer(2, pr);
    }
    return chart;
  }

  private static XYLineAndShapeRenderer shapes(XYPlot plot) {
    XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
    r.setDefaultShapesVisible(true);
    r.setDefaultStroke(new BasicStroke(2f));
    r.setAutoPopulateSeriesStroke(false);
    return r;
  }

  /** A vertical marker, labelled inside the plot to the left of the line. */
  private static ValueMarker domainMarker(double value, String label) {
    ValueMarker m = marker(value, label, CAPACITY);
    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    return m;
  }

  private static ValueMarker marker(double value, String label, Color color) {
    ValueMarker m = new ValueMarker(value, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
        10f, new float[] {6f, 4f}, 0f));
    m.setLabel(label);
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    m.setLabelPaint(color);
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    return m;
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    plot.setNoDataMessage("no trials");
  }
}
