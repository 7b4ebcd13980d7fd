package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.RunManifest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Achieved rate (completions per second of each interval) against the offered rate planned by
 * {@code run.json}'s phases: constant and Poisson rates flat, ramps linear, steps as steps.
 * Closed-model phases (users) plan no rate and have no offered line.
 */
final class RateChart {
  private RateChart() {}

  private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)/s");
  private static final Pattern STEPS = Pattern.compile("in ([0-9]+) steps");

  static JFreeChart create(List<TimelinePoint> timeline, RunManifest manifest) {
    ChartImages.init();
    XYSeries achieved = new XYSeries("achieved", false, true);
    for (TimelinePoint p : timeline) {
      if (p.seconds() > 0) {
        achieved.add(p.endSeconds(), p.completed() / p.seconds());
      }
    }
    XYSeries offered = new XYSeries("offered (planned)", false, true);
    if (manifest.phases() != null) {
      for (RunManifest.PhaseWindow w : manifest.phases()) {
        addOffered(offered, w);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(achieved);
    if (offered.getItemCount() > 0) {
      data.addSeries(offered);
    }
    JFreeChart chart = ChartFactory.createXYLineChart("Achieved vs offered rate", "seconds since start",
        "requests per second", data, PlotOrientation.VERTICAL, true, false, false);
    Charts.style(chart);
    TimelineChart.shadeWarmup(chart, manifest);
    return chart;
  }

  static void addOffered(XYSeries s, RunManifest.PhaseWindow w) {
    if (w.load() == null) {
      return;
    }
    Matcher m = RATE.matcher(w.load());
    double[] rates = new double[2];
    int n = 0;
    while (m.find() && n < 2) {
      rates[n++] = Double.parseDouble(m.group(1));
    }
    if (n == 0) {
      return;
    }
    double from = rates[0];
    double to = n == 2 ? rates[1] : rates[0];
    Matcher steps = STEPS.matcher(w.load());
    if (steps.find()) {
      int k = Math.max(1, Integer.parseInt(steps.group(1)));
      double len = (w.endSeconds() - w.startSeconds()) / k;
      for (int i = 0; i < k; i++) {
        double rate = k == 1 ? from : from + (to - from) * i / (k - 1);
        s.add(w.startSeconds() + i * len, rate);
        s.add(w.startSeconds() + (i + 1) * len, rate);
      }
    } else {
      s.add(w.startSeconds(), from);
      s.add(w.endSeconds(), to);
    }
  }
}
