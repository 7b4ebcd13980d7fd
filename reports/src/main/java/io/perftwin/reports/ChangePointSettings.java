package io.perftwin.reports;

/**
 * Parameters of change-point detection; {@link #DEFAULT} holds the defaults.
 *
 * @param permutations permutations of the significance test per candidate change point
 * @param alpha a candidate is accepted when its permutation p-value is at most this
 * @param minSegment fewest runs on each side of a change point (at least 2)
 * @param seed seed of the permutations, so the answer is repeatable
 */
public record ChangePointSettings(int permutations, double alpha, int minSegment, long seed) {
  public static final ChangePointSettings DEFAULT = new ChangePointSettings(199, 0.01, 3, 1L);

  public ChangePointSettings {
    if (permutations < 19) {
      throw new IllegalArgumentException("permutations must be at least 19, got " + permutations);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
    }
    if (minSegment < 2) {
      throw new IllegalArgumentException("minSegment must be at least 2, got " + minSegment);
    }
  }
}
