package io.perftwin.reports;

/**
 * A detected change in a series of runs.
 *
 * @param index the first run after the change (0-based, in the series' order)
 * @param pValue permutation p-value of the split
 * @param meanBefore mean of the segment before, in the metric's unit
 * @param meanAfter mean of the segment after
 */
public record ChangePoint(int index, double pValue, double meanBefore, double meanAfter) {
  /** {@code meanAfter / meanBefore − 1}. */
  public double relativeChange() {
    return meanAfter / meanBefore - 1;
  }
}
