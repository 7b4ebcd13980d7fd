package io.perftwin.scenarios.capacity;

import io.perftwin.reports.capacity.SearchSettings;
import io.perftwin.reports.capacity.Sweep;
import java.nio.file.Path;
import java.util.List;

/**
 * How {@code twin capacity} was asked to run.
 *
 * @param runsRoot folder in which the study folder {@code <UTC time>-<scenario>-capacity} is created
 * @param search the search bounds, per replica (at N replicas the search covers N times the
 *     range); null for no search (a sweep alone)
 * @param trial warm-up and measured time of each trial
 * @param sweepMode the sweep's levels, or null for no sweep
 * @param levels the sweep's levels (rates per second or users), increasing
 * @param replicas replica counts; the search runs at each, the sweep at the first; more than one
 *     count makes a scale-out study
 * @param predictAt replica counts at which a scale-out study predicts the capacity
 */
public record CapacityOptions(Path runsRoot, SearchSettings search, TrialSettings trial, Sweep.Mode sweepMode,
    List<Double> levels, List<Integer> replicas, List<Integer> predictAt) {

  /** Replica counts at which a scale-out study predicts capacity unless told otherwise. */
  public static final List<Integer> DEFAULT_PREDICT_AT = List.of(8, 16);

  public CapacityOptions {
    levels = List.copyOf(levels);
    replicas = List.copyOf(replicas);
    predictAt = List.copyOf(predictAt);
    if (search == null && sweepMode == null) {
      throw new IllegalArgumentException("nothing to do: --no-search without --sweep");
    }
    if (sweepMode != null) {
      Sweep.checkLevels(sweepMode, levels);
    } else if (!levels.isEmpty()) {
      throw new IllegalArgumentException("--levels needs --sweep rates|users");
    }
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException("--replicas must list at least one count");
    }
    int previous = 0;
    for (int r : replicas) {
      if (r <= previous) {
        throw new IllegalArgumentException("--replicas must be positive and strictly increasing, got " + replicas);
      }
      previous = r;
    }
    if (replicas.size() > 1 && search == null) {
      throw new IllegalArgumentException("--replicas with more than one count runs the search at each: drop --no-search");
    }
    for (int p : predictAt) {
      if (p < 1) {
        throw new IllegalArgumentException("--predict must list replica counts >= 1, got " + predictAt);
      }
    }
  }
}
