package io.perftwin.reports.capacity;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a capacity search.
 *
 * @param status what was found
 * @param capacity the highest rate that met every objective, per second, when {@code status} is
 *     {@link Status#FOUND}; NaN otherwise
 * @param lastPass the passing trial at the highest rate (the lower bound), or null
 * @param firstFail the failing trial at the lowest rate above {@code lastPass} (the upper bound), or null
 * @param trials every trial in the order run
 */
public record SearchResult(Status status, double capacity, Trial lastPass, Trial firstFail, List<Trial> trials) {

  public SearchResult {
    Objects.requireNonNull(status, "status");
    trials = List.copyOf(trials);
  }

  /** What a search found. */
  public enum Status {
    /** The capacity lies between {@code lastPass} and {@code firstFail}. */
    FOUND("found"),
    /** Even the minimum rate failed: the capacity is below it. */
    BELOW_MIN("below-min-rate"),
    /** The maximum rate passed: the capacity is at least that. */
    AT_LEAST_MAX("at-least-max-rate"),
    /** The generator could not hold a rate the search needed; no capacity figure. */
    GENERATOR_BOUND("generator-bound"),
    /** A trial was invalid for another reason (interrupted, target unreachable). */
    INVALID("invalid");

    private final String key;

    Status(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }
}
