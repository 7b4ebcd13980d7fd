package io.perftwin.reports.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * Searches the highest offered rate that meets the objectives: steps up from {@code minRate} by
 * {@code step} until a trial fails (or {@code maxRate} passes), then bisects between the last
 * passing and the first failing rate until they are within {@code precision} of each other.
 *
 * <p>A {@link Trial#contested() contested} trial — not conclusive (generator-bound or otherwise
 * invalid), or failed while the generator was behind schedule too — is run again up to
 * {@link #INCONCLUSIVE_RETRIES} times (contention from other processes on a shared machine
 * passes); the last run counts. If it stays inconclusive the search ends without a capacity
 * figure: the rate could not be judged, so no bound can rest on it. Every trial run, repeated
 * ones included, is in the result.
 */
public final class CapacitySearch {
  private CapacitySearch() {}

  /** How many times a contested trial is repeated before its last run is taken. */
  public static final int INCONCLUSIVE_RETRIES = 2;

  private static Trial trial(TrialRunner runner, double rate, List<Trial> trials) {
    Trial t = runner.atRate(rate);
    trials.add(t);
    for (int i = 0; i < INCONCLUSIVE_RETRIES && t.contested(); i++) {
      t = runner.atRate(rate);
      trials.add(t);
    }
    return t;
  }

  public static SearchResult run(SearchSettings settings, TrialRunner runner) {
    List<Trial> trials = new ArrayList<>();
    Trial pass = null;
    Trial fail = null;
    double rate = settings.minRate();
    while (true) {
      Trial t = trial(runner, rate, trials);
      if (!t.outcome().conclusive()) {
        return stopped(t, pass, trials);
      }
      if (!t.passed()) {
        fail = t;
        break;
      }
      pass = t;
      if (rate >= settings.maxRate()) {
        return new SearchResult(SearchResult.Status.AT_LEAST_MAX, Double.NaN, pass, null, trials);
      }
      rate = Math.min(rate + settings.step(), settings.maxRate());
    }
    if (pass == null) {
      return new SearchResult(SearchResult.Status.BELOW_MIN, Double.NaN, null, fail, trials);
    }
    while (fail.level() - pass.level() > settings.precision() * pass.level()) {
      double mid = (pass.level() + fail.level()) / 2;
      Trial t = trial(runner, mid, trials);
      if (!t.outcome().conclusive()) {
        return stopped(t, pass, trials);
      }
      if (t.passed()) {
        pass = t;
      } else {
        fail = t;
      }
    }
    return new SearchResult(SearchResult.Status.FOUND, pass.level(), pass, fail, trials);
  }

  private static SearchResult stopped(Trial t, Trial pass, List<Trial> trials) {
    SearchResult.Status s = t.outcome() == TrialOutcome.GENERATOR_BOUND
        ? SearchResult.Status.GENERATOR_BOUND : SearchResult.Status.INVALID;
    return new SearchResult(s, Double.NaN, pass, t, trials);
  }
}
