package io.perftwin.reports.capacity;

/**
 * One measured point of a throughput curve.
 *
 * @param load the load level: concurrency (users), offered rate (per second) or replicas
 * @param throughput what was achieved at that load, successful responses per second
 */
public record LoadPoint(double load, double throughput) {
  public LoadPoint {
    if (!Double.isFinite(load) || !Double.isFinite(throughput)) {
      throw new IllegalArgumentException("a load point needs finite figures, got load " + load + ", throughput " + throughput);
    }
  }
}
