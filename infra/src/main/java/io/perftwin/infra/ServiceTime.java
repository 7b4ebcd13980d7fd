package io.perftwin.infra;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;

/**
 * How long the demo service holds a worker for one request (or how long the stub dependency
 * waits before it answers).
 *
 * <p>Text forms, read by {@link #parse(String, String)} and written by {@link #describe()}:
 * {@code constant(2ms)}, {@code exponential(2ms)} (the mean), a bare duration {@code 2ms}
 * (= constant), and {@code lognormal(median=2ms, p99=20ms)}, {@code lognormal(median=2ms,
 * sigma=0.5)} or {@code lognormal(mean=3ms, sigma=0.5)}.
 */
public sealed interface ServiceTime permits ServiceTime.Constant, ServiceTime.Exponential, ServiceTime.LogNormal {

  /** One sample, nanoseconds. */
  long sampleNanos(SplittableRandom random);

  /** The mean; the saturation throughput of the service is {@code workers / mean}. */
  Duration mean();

  /** The form it is written in: {@code constant(2ms)}, {@code exponential(2ms)}, {@code lognormal(median=2ms, sigma=0.5)}. */
  String describe();

  /** The accepted text forms, for messages. */
  List<String> FORMS = List.of("constant(D)", "exponential(D)", "lognormal(median=D, p99=D)",
      "lognormal(median=D, sigma=S)", "lognormal(mean=D, sigma=S)", "D (same as constant(D))");

  /** {@link #parse(String, String)} with the field name {@code serviceTime}. */
  static ServiceTime parse(String text) {
    return parse("serviceTime", text);
  }

  /**
   * Reads one of the {@link #FORMS}.
   *
   * @param field the setting's name, used in messages (e.g. {@code endpoints[0].serviceTime})
   * @throws IllegalArgumentException naming {@code field}, with what is allowed
   */
  static ServiceTime parse(String field, String text) {
    String t = text == null ? "" : text.strip();
    Matcher m = ServiceTimeText.CALL.matcher(t);
    if (!m.matches()) {
      if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
        return new Constant(DemoDurations.parse(field, t));
      }
      throw new IllegalArgumentException(field + " must be one of " + String.join(", ", FORMS) + "; got '" + t + "'");
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    String inner = m.group(2);
    switch (name) {
      case "constant":
        return new Constant(DemoDurations.parse(field, inner));
      case "exponential":
        Duration mean = DemoDurations.parse(field, inner);
        if (mean.isZero()) {
          throw new IllegalArgumentException(field + ": exponential mean must be > 0, got " + inner.strip());
        }
        return new Exponential(mean);
      case "lognormal":
        return ServiceTimeText.lognormal(field, inner);
      default:
        throw new IllegalArgumentException(field + ": unknown distribution '" + m.group(1)
            + "'; allowed: constant, exponential, lognormal");
    }
  }

  /** Every request takes exactly {@code value}. */
  record Constant(Duration value) implements ServiceTime {
    public Constant {
      Objects.requireNonNull(value, "value");
      if (value.isNegative()) {
        throw new IllegalArgumentException("service time must be >= 0, was " + value);
      }
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return value.toNanos();
    }

    @Override
    public Duration mean() {
      return value;
    }

    @Override
    public String describe() {
      return "constant(" + DemoDurations.format(value) + ")";
    }
  }

  /** Exponentially distributed with the given mean (an M/M/c server). */
  record Exponential(Duration mean) implements ServiceTime {
    public Exponential {
      Objects.requireNonNull(mean, "mean");
      if (mean.isNegative() || mean.isZero()) {
        throw new IllegalArgumentException("mean service time must be > 0, was " + mean);
      }
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return Math.round(-Math.log(1.0 - random.nextDouble()) * mean.toNanos());
    }

    @Override
    public String describe() {
      return "exponential(" + DemoDurations.format(mean) + ")";
    }
  }

  /**
   * Log-normally distributed: {@code ln(X)} is normal with mean {@code ln(median)} and standard
   * deviation {@code sigma} (the parameters WireMock's {@code lognormal} delay uses). The usual
   * shape of real service times: most requests near the median, a long right tail. The p99 is
   * {@code median · e^(2.3263·sigma)} and the mean {@code median · e^(sigma²/2)}.
   *
   * <p>Build it from the figures you know: {@link #ofMedianAndP99}, {@link #ofMeanAndSigma}, or
   * the constructor (median and sigma). {@code sigma} is at most {@value #MAX_SIGMA} (p99 ≤ ~1,074 ×
   * median); a sample is capped at one hour.
   *
   * @param median the 50th percentile, {@code > 0}
   * @param sigma the shape, {@code 0 < sigma <= }{@value #MAX_SIGMA}
   */
  record LogNormal(Duration median, double sigma) implements ServiceTime {
    /** Largest accepted sigma. */
    public static final double MAX_SIGMA = 3.0;
    /** The standard normal quantile of 0.99. */
    public static final double Z_99 = 2.3263478740408408;
    private static final double CAP_NANOS = 3_600e9;

    public LogNormal {
      Objects.requireNonNull(median, "median");
      if (median.isNegative() || median.isZero()) {
        throw new IllegalArgumentException("lognormal median must be > 0, was " + DemoDurations.format(median.abs()));
      }
      if (!(sigma > 0 && sigma <= MAX_SIGMA)) {
        throw new IllegalArgumentException("lognormal sigma must be > 0 and <= " + MAX_SIGMA + ", was " + sigma);
      }
    }

    /** The distribution whose median and 99th percentile are the given ones ({@code p99 > median}). */
    public static LogNormal ofMedianAndP99(Duration median, Duration p99) {
      Objects.requireNonNull(median, "median");
      Objects.requireNonNull(p99, "p99");
      if (p99.compareTo(median) <= 0) {
        throw new IllegalArgumentException("lognormal p99 must be > median, was p99=" + DemoDurations.format(p99)
            + " median=" + DemoDurations.format(median));
      }
      if (median.isNegative() || median.isZero()) {
        throw new IllegalArgumentException("lognormal median must be > 0, was " + DemoDurations.format(median.abs()));
      }
      double sigma = Math.log((double) p99.toNanos() / median.toNanos()) / Z_99;
      if (sigma > MAX_SIGMA) {
        throw new IllegalArgumentException("lognormal p99 must be at most " + Math.round(Math.exp(MAX_SIGMA * Z_99))
            + " × median, was p99=" + DemoDurations.format(p99) + " median=" + DemoDurations.format(median));
      }
      return new LogNormal(median, sigma);
    }

    /** The distribution with the given mean and sigma: median = mean · e^(−sigma²/2). */
    public static LogNormal ofMeanAndSigma(Duration mean, double sigma) {
      Objects.requireNonNull(mean, "mean");
      if (mean.isNegative() || mean.isZero()) {
        throw new IllegalArgumentException("lognormal mean must be > 0, was " + DemoDurations.format(mean.abs()));
      }
      if (!(sigma > 0 && sigma <= MAX_SIGMA)) {
        throw new IllegalArgumentException("lognormal sigma must be > 0 and <= " + MAX_SIGMA + ", was " + sigma);
      }
      long medianNanos = Math.round(mean.toNanos() * Math.exp(-sigma * sigma / 2));
      return new LogNormal(Duration.ofNanos(Math.max(1, medianNanos)), sigma);
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      double x = median.toNanos() * Math.exp(sigma * random.nextGaussian());
      return Math.round(Math.min(x, CAP_NANOS));
    }

    @Override
    public Duration mean() {
      return Duration.ofNanos(Math.round(median.toNanos() * Math.exp(sigma * sigma / 2)));
    }

    /** The 99th percentile. */
    public Duration p99() {
      return Duration.ofNanos(Math.round(median.toNanos() * Math.exp(sigma * Z_99)));
    }

    @Override
    public String describe() {
      return "lognormal(median=" + DemoDurations.format(median) + ", sigma=" + Double.toString(sigma) + ")";
    }
  }
}
