package io.perftwin.reports.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * A USL model fitted to measured points by nonlinear least squares (Levenberg–Marquardt), with its
 * goodness of fit.
 *
 * <p>The parameters are estimated in scaled form ({@code σ}, {@code κ·K}, {@code λ/L} with
 * {@code K} and {@code L} taken from the data) so that all three are of order one, which the
 * optimizer needs: κ is typically four orders of magnitude smaller than σ. σ and κ are kept
 * non-negative (σ also at most 1).
 *
 * @param model the fitted parameters
 * @param lambdaFixed whether λ was given rather than fitted
 * @param points the points fitted, in load order
 * @param rSquared coefficient of determination, 1 − SSres/SStot
 * @param rmse root mean square of the residuals, in throughput units
 * @param covariance covariance of the fitted parameters (σ, κ[, λ]), scaled by the residual
 *     variance; null when there are no degrees of freedom left
 */
public record UslFit(UslModel model, boolean lambdaFixed, List<LoadPoint> points, double rSquared, double rmse,
    double[][] covariance) {

  public UslFit {
    points = List.copyOf(points);
  }

  /** Fits σ, κ and λ; needs at least 3 points at different loads. */
  public static UslFit fit(List<LoadPoint> points) {
    return fit(points, Double.NaN);
  }

  /**
   * Fits σ and κ with λ given (for example the capacity of one replica: X(1) = λ), or all three
   * when {@code lambda} is NaN.
   *
   * @throws IllegalArgumentException with too few points, or loads that are not all ≥ 1
   */
  public static UslFit fit(List<LoadPoint> points, double lambda) {
    List<LoadPoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(LoadPoint::load));
    boolean fixed = !Double.isNaN(lambda);
    int parameters = fixed ? 2 : 3;
    long distinct = sorted.stream().mapToDouble(LoadPoint::load).distinct().count();
    if (distinct < parameters) {
      throw new IllegalArgumentException("a USL fit of " + parameters + " parameters needs at least " + parameters
          + " different load levels, got " + distinct);
    }
    for (LoadPoint p : sorted) {
      if (!(p.load() >= 1)) {
        throw new IllegalArgumentException("USL loads must be >= 1 (concurrency or replicas), got " + p.load());
      }
    }
    int n = sorted.size();
    double[] loads = sorted.stream().mapToDouble(LoadPoint::load).toArray();
    double[] observed = sorted.stream().mapToDouble(LoadPoint::throughput).toArray();
    double maxLoad = loads[n - 1];
    // λ starts at the best per-unit throughput seen; it is the ideal slope.
    double lambdaScale = 0;
    for (int i = 0; i < n; i++) {
      lambdaScale = Math.max(lambdaScale, observed[i] / loads[i]);
    }
    if (!(lambdaScale > 0)) {
      throw new IllegalArgumentException("a USL fit needs some positive throughput");
    }
    double kappaScale = 1 / (maxLoad * maxLoad);
    final double lScale = fixed ? lambda : lambdaScale;

    MultivariateJacobianFunction f = params -> {
      UslModel m = model(params, fixed, lScale, kappaScale);
      RealVector value = new ArrayRealVector(n);
      RealMatrix jacobian = new Array2DRowRealMatrix(n, parameters);
      for (int i = 0; i < n; i++) {
        value.setEntry(i, m.throughput(loads[i]));
        double[] g = m.gradient(loads[i]);
        jacobian.setEntry(i, 0, g[0]);
        jacobian.setEntry(i, 1, g[1] * kappaScale);
        if (!fixed) {
          jacobian.setEntry(i, 2, g[2] * lScale);
        }
      }
      return new Pair<>(value, jacobian);
    };
    double[] start = fixed ? new double[] {0.01, 0.01} : new double[] {0.01, 0.01, 1.0};
    LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
        .model(f)
        .target(observed)
        .start(start)
        .parameterValidator(p -> {
          RealVector v = p.copy();
          v.setEntry(0, Math.min(1, Math.max(0, v.getEntry(0))));
          v.setEntry(1, Math.max(0, v.getEntry(1)));
          if (!fixed) {
            v.setEntry(2, Math.max(1e-9, v.getEntry(2)));
          }
          return v;
        })
        .maxEvaluations(10_000)
        .maxIterations(10_000)
        .build());
    double[] p = optimum.getPoint().toArray();
    UslModel m = model(p, fixed, lScale, kappaScale);
    double ssRes = 0;
    double mean = 0;
    for (double y : observed) {
      mean += y / n;
    }
    double ssTot = 0;
    for (int i = 0; i < n; i++) {
      double r = observed[i] - m.throughput(loads[i]);
      ssRes += r * r;
      ssTot += (observed[i] - mean) * (observed[i] - mean);
    }
    double rSquared = ssTot > 0 ? 1 - ssRes / ssTot : Double.NaN;
    double[][] covariance = null;
    int dof = n - parameters;
    if (dof > 0) {
      try {
        RealMatrix scaled = optimum.getCovariances(1e-14).scalarMultiply(ssRes / dof);
        double[] unscale = fixed ? new double[] {1, kappaScale} : new double[] {1, kappaScale, lScale};
        covariance = new double[parameters][parameters];
        for (int i = 0; i < parameters; i++) {
          for (int j = 0; j < parameters; j++) {
            covariance[i][j] = scaled.getEntry(i, j) * unscale[i] * unscale[j];
          }
        }
      } catch (RuntimeException singular) {
        covariance = null;
      }
    }
    return new UslFit(m, fixed, sorted, rSquared, Math.sqrt(ssRes / n), covariance);
  }

  private static UslModel model(RealVector p, boolean fixed, double lScale, double kappaScale) {
    return model(p.toArray(), fixed, lScale, kappaScale);
  }

  private static UslModel model(double[] p, boolean fixed, double lScale, double kappaScale) {
    return new UslModel(p[0], p[1] * kappaScale, fixed ? lScale : p[2] * lScale);
  }

  /** Degrees of freedom left: points minus fitted parameters. */
  public int degreesOfFreedom() {
    return points.size() - (lambdaFixed ? 2 : 3);
  }

  /**
   * A two-sided prediction band for the mean throughput at {@code load} (delta method on the
   * parameter covariance, Student's t with the fit's degrees of freedom): {@code [low, high]}, or
   * NaNs when there are no degrees of freedom.
   *
   * @param confidence e.g. 0.95
   */
  public double[] band(double load, double confidence) {
    double x = model.throughput(load);
    if (covariance == null) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] g = model.gradient(load);
    int k = covariance.length;
    double variance = 0;
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        variance += g[i] * covariance[i][j] * g[j];
      }
    }
    double t = new TDistribution(degreesOfFreedom()).inverseCumulativeProbability(0.5 + confidence / 2);
    double half = t * Math.sqrt(Math.max(0, variance));
    return new double[] {Math.max(0, x - half), x + half};
  }
}
