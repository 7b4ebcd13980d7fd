package io.perftwin.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.results.Histograms;
import java.text.NumberFormat;
import org.HdrHistogram.Histogram;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class PercentileChartTest {

  @Test
  void axisLabelsReadAsPercentiles() {
    NumberFormat f = new PercentileAxisFormat();
    assertEquals("0%", f.format(0));
    assertEquals("90%", f.format(1));
    assertEquals("99%", f.format(2));
    assertEquals("99.9%", f.format(3));
    assertEquals("99.99%", f.format(4));
    assertEquals("99.999%", f.format(5));
  }

  @Test
  void axisPositionIsLogOfOneOverOneMinusP() {
    assertEquals(0.0, PercentileAxisFormat.position(0), 1e-12);
    assertEquals(1.0, PercentileAxisFormat.position(90), 1e-12);
    assertEquals(3.0, PercentileAxisFormat.position(99.9), 1e-9);
  }

  @Test
  void seriesFollowsTheHistogramUpToItsMax() {
    Histogram h = Histograms.create();
    h.recordValueWithCount(1_000_000, 10_000);
    h.recordValueWithCount(100_000_000, 100);
    XYSeries s = PercentileChart.series("all", h);
    assertEquals(0.0, s.getX(0).doubleValue(), 1e-12, "starts at 0%");
    assertEquals(h.highestEquivalentValue(1_000_000) / 1e6, s.getY(0).doubleValue(), 0.0);
    int last = s.getItemCount() - 1;
    assertEquals(h.getMaxValue() / 1e6, s.getY(last).doubleValue(), 0.0, "ends at the max");
    assertEquals(Math.log10(10_100), s.getX(last).doubleValue(), 1e-9, "max drawn where the data's resolution ends");
    for (int i = 1; i <= last; i++) {
      assertTrue(s.getX(i).doubleValue() >= s.getX(i - 1).doubleValue(), "x never decreases");
      assertTrue(s.getY(i).doubleValue() >= s.getY(i - 1).doubleValue(), "y never decreases");
    }
  }

  @Test
  void emptyHistogramHasNoPoints() {
    assertEquals(0, PercentileChart.series("login", Histograms.create()).getItemCount());
  }
}
