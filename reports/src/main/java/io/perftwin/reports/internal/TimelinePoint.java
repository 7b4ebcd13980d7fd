package io.perftwin.reports.internal;

import io.perftwin.loadgen.results.IntervalPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * One reporting interval for the over-time charts, from the latency log when it is at hand
 * (then with p90) or from the engine's timeline. Latencies in ms, NaN when nothing completed.
 */
record TimelinePoint(double startSeconds, double endSeconds, long completed, long errors,
    double p50Millis, double p90Millis, double p99Millis, double maxMillis) {

  static List<TimelinePoint> of(List<IntervalPoint> engine, LatencyLog log) {
    List<TimelinePoint> out = new ArrayList<>();
    if (log != null) {
      for (LatencyLog.Interval i : log.timeline()) {
        out.add(new TimelinePoint(i.startSeconds(), i.endSeconds(), i.completed(), i.errors(), i.p50Millis(),
            i.p90Millis(), i.p99Millis(), i.maxMillis()));
      }
    } else {
      for (IntervalPoint p : engine) {
        out.add(new TimelinePoint(p.startSeconds(), p.endSeconds(), p.completed(), p.errors(), p.p50Millis(),
            Double.NaN, p.p99Millis(), p.maxMillis()));
      }
    }
    return out;
  }

  double seconds() {
    return endSeconds - startSeconds;
  }
}
