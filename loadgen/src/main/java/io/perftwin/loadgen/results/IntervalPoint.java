package io.perftwin.loadgen.results;

/**
 * One reporting interval of the run, all names together, for time-series charts.
 *
 * @param startSeconds interval start, seconds since the first phase started
 * @param endSeconds interval end
 * @param completed requests completed in the interval (measured and warm-up)
 * @param errors failed requests in the interval
 * @param p50Millis median response time in the interval, NaN if none
 * @param p99Millis p99 response time in the interval, NaN if none
 * @param maxMillis max response time in the interval, NaN if none
 */
public record IntervalPoint(
    double startSeconds,
    double endSeconds,
    long completed,
    long errors,
    double p50Millis,
    double p99Millis,
    double maxMillis) {}
