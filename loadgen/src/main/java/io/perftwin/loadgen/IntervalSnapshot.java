package io.perftwin.loadgen;

/**
 * What happened in one reporting interval, all request names together.
 *
 * @param elapsedSeconds seconds since the first phase started, at the end of the interval
 * @param phase name of the phase running at the end of the interval
 * @param intervalSeconds length of the interval
 * @param completed requests completed in the interval (success or error)
 * @param errors requests that failed in the interval
 * @param p99Millis p99 response time of the requests completed in the interval, or NaN if none
 * @param totalCompleted requests completed since the start
 * @param totalErrors errors since the start
 * @param inFlight requests sent or waiting for a connection, not yet complete
 */
public record IntervalSnapshot(
    double elapsedSeconds,
    String phase,
    double intervalSeconds,
    long completed,
    long errors,
    double p99Millis,
    long totalCompleted,
    long totalErrors,
    long inFlight) {

  public double ratePerSecond() {
    return intervalSeconds > 0 ? completed / intervalSeconds : 0;
  }
}
