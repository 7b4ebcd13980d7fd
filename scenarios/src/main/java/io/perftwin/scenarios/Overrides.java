package io.perftwin.scenarios;

import java.util.List;

/**
 * Settings given on the command line that take precedence over the scenario file.
 *
 * @param sets {@code --set path=value} overrides, in the order given; {@code path} is a
 *     dot-separated list of map keys and list indexes ({@code load.phases.1.steady.constantRate}),
 *     {@code value} is read as a YAML scalar ({@code 8} is an integer, {@code true} a boolean)
 * @param rate {@code --rate}: the {@code constantRate} of every phase that is not a warm-up phase,
 *     or {@code null}
 * @param duration {@code --duration}: the {@code duration} of every phase that is not a warm-up
 *     phase, or {@code null}
 */
public record Overrides(List<String> sets, String rate, String duration) {

  /** No overrides. */
  public static final Overrides NONE = new Overrides(List.of(), null, null);

  public Overrides {
    sets = sets == null ? List.of() : List.copyOf(sets);
  }

  /** Whether nothing is overridden. */
  public boolean isEmpty() {
    return sets.isEmpty() && rate == null && duration == null;
  }
}
