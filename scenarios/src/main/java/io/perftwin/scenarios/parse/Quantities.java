package io.perftwin.scenarios.parse;

import io.perftwin.loadgen.Units;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities with units, read with {@link Units} and checked against their bounds. Every error
 * names the setting: {@code 'timeout' must be > 0, got '0s'}, {@code 'delay' must be a duration
 * with a unit: ns, us, ms, s, m or h (e.g. 20ms, 1.5s), got '20'}. A misspelt unit gets a
 * suggestion ({@code 10sec} → {@code 10s}).
 */
public final class Quantities {
  private Quantities() {}

  /** The smallest value allowed. */
  public enum Bound {
    /** {@code >= 0} */
    NON_NEGATIVE(">= 0"),
    /** {@code > 0} */
    POSITIVE("> 0");

    private final String text;

    Bound(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Same shape as the number-and-unit pattern of {@link Units}. */
  private static final Pattern NUMBER_UNIT =
      Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Zµ%/]*)\\s*");

  private static final List<String> DURATION_UNITS = List.of("ns", "us", "µs", "ms", "s", "m", "h");
  private static final List<String> RATE_UNITS = List.of("/s", "/m", "/h");
  private static final List<String> BITRATE_UNITS = List.of("bit", "kbit", "mbit", "gbit", "bps", "kbps", "mbps", "gbps");

  /** Spellings from other tools, and what they are here. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("sec", "s"), Map.entry("secs", "s"), Map.entry("second", "s"), Map.entry("seconds", "s"),
      Map.entry("min", "m"), Map.entry("mins", "m"), Map.entry("minute", "m"), Map.entry("minutes", "m"),
      Map.entry("hr", "h"), Map.entry("hrs", "h"), Map.entry("hour", "h"), Map.entry("hours", "h"),
      Map.entry("msec", "ms"), Map.entry("msecs", "ms"), Map.entry("millis", "ms"),
      Map.entry("usec", "us"), Map.entry("micros", "us"), Map.entry("nanos", "ns"),
      Map.entry("/sec", "/s"), Map.entry("/second", "/s"), Map.entry("rps", "/s"), Map.entry("qps", "/s"),
      Map.entry("/min", "/m"), Map.entry("/minute", "/m"), Map.entry("rpm", "/m"), Map.entry("/hour", "/h"),
      Map.entry("bit/s", "bit"), Map.entry("kbit/s", "kbit"), Map.entry("mbit/s", "mbit"), Map.entry("gbit/s", "gbit"));

  /** Whether the text is a number, with or without a unit (so a quantity, possibly a wrong one). */
  public static boolean looksLikeQuantity(String text) {
    return NUMBER_UNIT.matcher(text).matches();
  }

  /** A duration, e.g. {@code 20ms}. */
  public static Duration duration(String key, String text, Bound bound) throws ValueException {
    checkSign(key, text, bound, DURATION_UNITS, false);
    Duration d;
    try {
      d = Units.duration(text);
    } catch (IllegalArgumentException e) {
      throw formatError(key, text, Units.DURATION_HELP, DURATION_UNITS);
    }
    if (bound == Bound.POSITIVE && d.isZero()) {
      throw boundError(key, text, bound);
    }
    return d;
  }

  /** A rate in events per second, always {@code > 0}, e.g. {@code 500/s}. */
  public static double ratePerSecond(String key, String text) throws ValueException {
    return ratePerSecond(key, text, Bound.POSITIVE);
  }

  /** A rate in events per second within {@code bound}, e.g. {@code 500/s}, or {@code 0/s} if the bound allows it. */
  public static double ratePerSecond(String key, String text, Bound bound) throws ValueException {
    checkSign(key, text, bound, RATE_UNITS, false);
    double r;
    try {
      r = Units.ratePerSecond(text);
    } catch (IllegalArgumentException e) {
      throw formatError(key, text, Units.RATE_HELP, RATE_UNITS);
    }
    if (!(r > 0) && !(r == 0 && bound == Bound.NON_NEGATIVE)) {
      throw boundError(key, text, bound);
    }
    if (Double.isInfinite(r)) {
      throw new ValueException(quote(key) + " is too large, got " + Texts.quote(text));
    }
    return r;
  }

  /** A percentage between 0% and 100%, as a ratio: {@code 0.1%} is 0.001. */
  public static double percentRatio(String key, String text) throws ValueException {
    double ratio;
    try {
      ratio = Units.percentRatio(text);
    } catch (IllegalArgumentException e) {
      throw formatError(key, text, Units.PERCENT_HELP, List.of("%"));
    }
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new ValueException(quote(key) + " must be between 0% and 100%, got " + Texts.quote(text));
    }
    return ratio;
  }

  /** A bit rate in bits per second, always {@code > 0}, e.g. {@code 100mbit}. */
  public static long bitsPerSecond(String key, String text) throws ValueException {
    checkSign(key, text, Bound.POSITIVE, BITRATE_UNITS, true);
    long bits;
    try {
      bits = Units.bitsPerSecond(text);
    } catch (IllegalArgumentException e) {
      throw formatError(key, text, Units.BITRATE_HELP, BITRATE_UNITS);
    }
    if (bits < 1) {
      throw new ValueException(quote(key) + " must be at least 1bit, got " + Texts.quote(text.trim()));
    }
    return bits;
  }

  /** Reports a value below the bound before {@link Units} does, so that the message names the bound. */
  private static void checkSign(String key, String text, Bound bound, List<String> units, boolean ignoreCase)
      throws ValueException {
    Matcher m = NUMBER_UNIT.matcher(text);
    if (!m.matches()) {
      return;
    }
    String unit = ignoreCase ? m.group(2).toLowerCase(Locale.ROOT) : m.group(2);
    if (!units.contains(unit)) {
      return;
    }
    double v = Double.parseDouble(m.group(1));
    if (v < 0 || (v == 0 && bound == Bound.POSITIVE)) {
      throw boundError(key, text, bound);
    }
  }

  private static ValueException boundError(String key, String text, Bound bound) {
    return new ValueException(quote(key) + " must be " + bound + ", got " + Texts.quote(text.trim()));
  }

  private static ValueException formatError(String key, String text, String help, List<String> units) {
    String suggestion = null;
    Matcher m = NUMBER_UNIT.matcher(text);
    if (m.matches() && !m.group(2).isEmpty()) {
      String unit = m.group(2);
      String fixed = ALIASES.get(unit.toLowerCase(Locale.ROOT));
      if (fixed == null || !units.contains(fixed)) {
        fixed = DidYouMean.closest(unit, units);
      }
      if (fixed != null) {
        suggestion = "did you mean '" + m.group(1) + fixed + "'?";
      }
    }
    return new ValueException(quote(key) + " must be " + help + ", got " + Texts.quote(text.trim()), List.of(), suggestion);
  }

  private static String quote(String key) {
    return "'" + key + "'";
  }
}
