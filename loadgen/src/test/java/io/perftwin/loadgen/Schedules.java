package io.perftwin.loadgen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Helpers for schedule tests: drain a schedule, merge shares, count arrivals in a window. */
final class Schedules {
  private Schedules() {}

  static List<Long> drain(ArrivalSchedule s) {
    List<Long> out = new ArrayList<>();
    for (long t = s.nextFireTimeNanos(); t != ArrivalSchedule.END; t = s.nextFireTimeNanos()) {
      out.add(t);
    }
    return out;
  }

  /** The union of the schedules of shares {@code 0 … shares-1}, sorted. */
  static List<Long> union(OpenShape shape, java.time.Duration d, int shares, long seed) {
    List<Long> all = new ArrayList<>();
    for (int share = 0; share < shares; share++) {
      all.addAll(drain(shape.schedule(d, share, shares, seed)));
    }
    Collections.sort(all);
    return all;
  }

  /** How many of the sorted {@code times} are in {@code [from, to)}. */
  static long countIn(List<Long> times, long from, long to) {
    return times.stream().filter(t -> t >= from && t < to).count();
  }

  static boolean nonDecreasing(List<Long> times) {
    for (int i = 1; i < times.size(); i++) {
      if (times.get(i) < times.get(i - 1)) {
        return false;
      }
    }
    return true;
  }
}
