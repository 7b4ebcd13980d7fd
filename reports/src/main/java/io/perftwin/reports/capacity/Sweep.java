package io.perftwin.reports.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Throughput and latency at a series of load levels, with the knee and (for users) a USL fit.
 *
 * @param mode what the levels are
 * @param trials one trial per level, in level order
 * @param knee index into {@code trials} of the knee: for users where throughput stops growing
 *     with load, for rates where p99 latency starts to climb; -1 when the curve has none
 * @param usl the USL fitted to throughput against users; null for a rate sweep or when the fit
 *     is not possible (fewer than 3 levels)
 * @param uslNote why there is no fit, or null
 */
public record Sweep(Mode mode, List<Trial> trials, int knee, UslFit usl, String uslNote) {

  public Sweep {
    trials = List.copyOf(trials);
  }

  /** The kind of level a sweep steps through. */
  public enum Mode {
    /** Offered rates, open model. */
    RATES("rates"),
    /** Users without think time, closed model. */
    USERS("users");

    private final String key;

    Mode(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /**
   * Runs one trial per level, in increasing order, and analyses them.
   *
   * @throws IllegalArgumentException when levels are not strictly increasing and positive
   */
  public static Sweep run(Mode mode, List<Double> levels, TrialRunner runner) {
    checkLevels(mode, levels);
    List<Trial> trials = new ArrayList<>();
    for (double level : levels) {
      trials.add(mode == Mode.USERS ? runner.withUsers((int) level) : runner.atRate(level));
    }
    return analyse(mode, trials);
  }

  /** The knee and fit of trials already run. */
  public static Sweep analyse(Mode mode, List<Trial> trials) {
    double[] x = trials.stream().mapToDouble(Trial::level).toArray();
    OptionalInt knee;
    if (mode == Mode.USERS) {
      knee = Knee.ofFlattening(x, trials.stream().mapToDouble(Trial::throughput).toArray());
    } else {
      knee = Knee.ofSteepening(x, trials.stream().mapToDouble(Trial::latencyP99Ms).toArray());
    }
    UslFit usl = null;
    String note = null;
    if (mode == Mode.USERS) {
      List<LoadPoint> points = new ArrayList<>();
      for (Trial t : trials) {
        points.add(new LoadPoint(t.level(), t.throughput()));
      }
      try {
        usl = UslFit.fit(points);
      } catch (IllegalArgumentException e) {
        note = e.getMessage();
      }
    } else {
      note = "a USL fit needs concurrency levels: sweep users (--sweep users)";
    }
    return new Sweep(mode, trials, knee.orElse(-1), usl, note);
  }

  /** Checks sweep levels: at least one, positive, strictly increasing, whole numbers for users. */
  public static void checkLevels(Mode mode, List<Double> levels) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("--levels must list at least one level");
    }
    double previous = 0;
    for (double l : levels) {
      if (!(l > previous) || Double.isInfinite(l)) {
        throw new IllegalArgumentException("--levels must be positive and strictly increasing, got " + levels);
      }
      if (mode == Mode.USERS && l != Math.rint(l)) {
        throw new IllegalArgumentException("--levels of a users sweep must be whole numbers, got " + Figures.number(l));
      }
      previous = l;
    }
  }
}
