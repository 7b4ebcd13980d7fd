package io.perftwin.reports.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The USL fit against the published reference fit. The data set (src/test/resources/capacity/
 * usl-cisco.csv) is a copy of ../shared/data/usl-cisco.csv (beside the repository): the Cisco worked example of Baron
 * Schwartz, "Practical Scalability Analysis with the Universal Scalability Law" (2015), published
 * fit σ = 0.02671591, κ = 7.690945e-4, λ = 995.6486, N* = 35.
 */
class UslFitTest {

  static List<LoadPoint> cisco() throws IOException {
    List<LoadPoint> points = new ArrayList<>();
    try (InputStream in = UslFitTest.class.getResourceAsStream("/capacity/usl-cisco.csv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("concurrency")) {
          continue;
        }
        String[] cells = line.strip().split(",");
        points.add(new LoadPoint(Double.parseDouble(cells[0]), Double.parseDouble(cells[1])));
      }
    }
    return points;
  }

  @Test
  void reproducesThePublishedCiscoFit() throws IOException {
    UslFit fit = UslFit.fit(cisco());
    UslModel m = fit.model();
    assertEquals(0.02671591, m.sigma(), 0.00001, "sigma");
    assertEquals(7.690945e-4, m.kappa(), 0.0001e-4, "kappa");
    assertEquals(995.6486, m.lambda(), 0.1, "lambda");
    // N* = √((1−σ)/κ) = 35.57…; the paper quotes the whole number of users below it.
    assertEquals(35, (int) Math.floor(m.peakLoad()), "N* " + m.peakLoad());
    assertEquals(Math.sqrt((1 - 0.02671591) / 7.690945e-4), m.peakLoad(), 0.01, "N*");
    assertEquals(12341, m.peakThroughput(), 15, "peak throughput");
    assertTrue(fit.rSquared() > 0.99, "R² " + fit.rSquared());
    assertEquals(32 - 3, fit.degreesOfFreedom());
    double[] band = fit.band(48, 0.95);
    assertTrue(band[0] < m.throughput(48) && m.throughput(48) < band[1], "band brackets the prediction");
  }

  @Test
  void recoversParametersOfAnExactCurveWithLambdaFixed() {
    UslModel truth = new UslModel(0.05, 0.002, 400);
    List<LoadPoint> points = new ArrayList<>();
    for (int n : new int[] {1, 2, 4, 8}) {
      points.add(new LoadPoint(n, truth.throughput(n)));
    }
    UslFit fit = UslFit.fit(points, 400);
    assertEquals(0.05, fit.model().sigma(), 1e-6);
    assertEquals(0.002, fit.model().kappa(), 1e-7);
    assertEquals(400, fit.model().lambda());
    assertEquals(1.0, fit.rSquared(), 1e-9);
  }

  @Test
  void linearScalingHasNoContentionOrCoherencyCost() {
    List<LoadPoint> points = List.of(new LoadPoint(1, 100), new LoadPoint(2, 200), new LoadPoint(4, 400));
    UslFit fit = UslFit.fit(points, 100);
    assertEquals(0, fit.model().sigma(), 1e-6);
    assertEquals(0, fit.model().kappa(), 1e-9);
  }

  @Test
  void tooFewLevelsIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UslFit.fit(List.of(new LoadPoint(1, 100), new LoadPoint(2, 190))));
    assertEquals("a USL fit of 3 parameters needs at least 3 different load levels, got 2", e.getMessage());
  }
}
