package io.perftwin.reports.capacity;

/**
 * Bounds and resolution of a capacity search.
 *
 * @param minRate first rate tried, per second, {@code > 0}
 * @param maxRate highest rate tried, per second, {@code > minRate}
 * @param step rate added after each passing trial while stepping up, per second, {@code > 0}
 * @param precision the search stops when the first failing rate is within this fraction of the
 *     last passing one (0.02: within 2%), {@code 0 < precision < 1}
 */
public record SearchSettings(double minRate, double maxRate, double step, double precision) {

  public SearchSettings {
    if (!(minRate > 0) || Double.isInfinite(minRate)) {
      throw new IllegalArgumentException("--min-rate must be a rate above 0/s, got " + Figures.rate(minRate));
    }
    if (!(maxRate > minRate) || Double.isInfinite(maxRate)) {
      throw new IllegalArgumentException("--min-rate (" + Figures.rate(minRate) + ") must be below --max-rate ("
          + Figures.rate(maxRate) + ")");
    }
    if (!(step > 0) || Double.isInfinite(step)) {
      throw new IllegalArgumentException("--step must be a rate above 0/s, got " + Figures.rate(step));
    }
    if (!(precision > 0 && precision < 1)) {
      throw new IllegalArgumentException("--precision must be above 0% and below 100%, got "
          + Figures.number(precision * 100) + "%");
    }
  }

  /** {@code step} one tenth of the range, precision 2%. */
  public static SearchSettings of(double minRate, double maxRate) {
    return new SearchSettings(minRate, maxRate, (maxRate - minRate) / 10, 0.02);
  }
}
