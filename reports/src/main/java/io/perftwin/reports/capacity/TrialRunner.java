package io.perftwin.reports.capacity;

/**
 * Runs one trial and judges it ({@link TrialJudge}). The capacity search and the sweep are pure
 * logic over this interface; the scenarios module implements it with real load.
 */
public interface TrialRunner {

  /** A trial at a constant offered rate, open model. */
  Trial atRate(double ratePerSecond);

  /** A trial with a fixed number of users without think time, closed model. */
  default Trial withUsers(int users) {
    throw new UnsupportedOperationException("this runner runs open-model trials only");
  }
}
