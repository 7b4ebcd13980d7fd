package io.perftwin.loadgen;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

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
 * @param offeredRate arrivals per second the running phase schedules (open phases), or the
 *     dispatches per second of the interval (closed phases)
 * @param requests per request name: what completed in this interval (all phases)
 * @param scheduleLag schedule lag of the requests dispatched in this interval, nanoseconds
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
    long inFlight,
    double offeredRate,
    List<RequestInterval> requests,
    Histogram scheduleLag) {

  public IntervalSnapshot {
    requests = List.copyOf(requests);
  }

  /**
   * One request name's share of an interval.
   *
   * @param responseTime response times completed in the interval, nanoseconds (a private copy)
   * @param errorsByKind errors completed in the interval, by kind
   */
  public record RequestInterval(String name, Histogram responseTime, Map<ErrorKind, Long> errorsByKind) {}

  public double ratePerSecond() {
    return intervalSeconds > 0 ? completed / intervalSeconds : 0;
  }
}
