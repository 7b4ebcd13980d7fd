package io.perftwin.reports.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * The capacity search repeated at several replica counts, a USL fitted over replicas (λ fixed to
 * the one-replica capacity, so X(1) = λ), and the predicted capacity at larger counts.
 *
 * @param searches one search per replica count, in increasing order of replicas
 * @param replicas the replica counts, parallel to {@code searches}
 * @param usl the fit over replicas; null when fewer than 3 counts found a capacity
 * @param note why there is no fit, or null
 * @param predictions predicted capacity at the counts asked for (empty without a fit)
 */
public record ScaleOut(List<Integer> replicas, List<SearchResult> searches, UslFit usl, String note,
    List<Prediction> predictions) {

  /** Confidence of the prediction bands. */
  public static final double BAND_CONFIDENCE = 0.95;

  public ScaleOut {
    replicas = List.copyOf(replicas);
    searches = List.copyOf(searches);
    predictions = List.copyOf(predictions);
  }

  /**
   * A predicted capacity.
   *
   * @param replicas replica count
   * @param capacity modelled capacity per second
   * @param low lower end of the {@link #BAND_CONFIDENCE} band, NaN without degrees of freedom
   * @param high upper end of the band, NaN without degrees of freedom
   */
  public record Prediction(int replicas, double capacity, double low, double high) {}

  /** Fits and predicts from searches already run. */
  public static ScaleOut analyse(List<Integer> replicas, List<SearchResult> searches, List<Integer> predictAt) {
    List<LoadPoint> points = new ArrayList<>();
    double lambda = Double.NaN;
    for (int i = 0; i < replicas.size(); i++) {
      SearchResult s = searches.get(i);
      if (s.status() == SearchResult.Status.FOUND) {
        points.add(new LoadPoint(replicas.get(i), s.capacity()));
        if (replicas.get(i) == 1) {
          lambda = s.capacity();
        }
      }
    }
    if (points.size() < 3) {
      return new ScaleOut(replicas, searches, null,
          "a USL fit over replicas needs a capacity at 3 or more replica counts, got " + points.size(), List.of());
    }
    UslFit fit;
    try {
      fit = UslFit.fit(points, lambda);
    } catch (IllegalArgumentException e) {
      return new ScaleOut(replicas, searches, null, e.getMessage(), List.of());
    }
    List<Prediction> predictions = new ArrayList<>();
    for (int n : predictAt) {
      double[] band = fit.band(n, BAND_CONFIDENCE);
      predictions.add(new Prediction(n, fit.model().throughput(n), band[0], band[1]));
    }
    return new ScaleOut(replicas, searches, fit, null, predictions);
  }
}
