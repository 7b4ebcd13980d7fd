package io.perftwin.loadgen;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of the quantities that scenario files and SLOs write with units. Every method throws
 * {@link IllegalArgumentException} with a message that says what is allowed.
 *
 * <ul>
 *   <li>durations: {@code 250us}, {@code 20ms}, {@code 1.5s}, {@code 2m}, {@code 1h} (also {@code µs}, {@code ns})</li>
 *   <li>rates: {@code 500/s}, {@code 30/m}, {@code 3600/h}</li>
 *   <li>percentages: {@code 0.1%}</li>
 *   <li>bit rates: {@code 100mbit}, {@code 1gbit}, {@code 512kbit}, {@code 8bit} (per second, decimal SI,
 *       as tc writes them), also {@code 10mbps} = megabytes per second</li>
 * </ul>
 */
public final class Units {
  private Units() {}

  private static final Pattern NUMBER_UNIT = Pattern.compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Zµ%/]*)\\s*");

  public static final String DURATION_HELP = "a duration with a unit: ns, us, ms, s, m or h (e.g. 20ms, 1.5s)";
  public static final String RATE_HELP = "a rate with a unit: /s, /m or /h (e.g. 500/s)";
  public static final String PERCENT_HELP = "a percentage (e.g. 0.1%)";
  public static final String BITRATE_HELP = "a bit rate: bit, kbit, mbit, gbit (per second), or bps, kbps, mbps, gbps (bytes per second), e.g. 100mbit";

  /** Parses a duration; negative values are rejected. */
  public static Duration duration(String text) {
    Matcher m = match(text, DURATION_HELP);
    double v = Double.parseDouble(m.group(1));
    double nanosPerUnit = switch (m.group(2)) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      case "" -> throw new IllegalArgumentException("'" + text.trim() + "' has no unit: expected " + DURATION_HELP);
      default -> throw new IllegalArgumentException("unknown unit '" + m.group(2) + "' in '" + text.trim() + "': expected " + DURATION_HELP);
    };
    if (v < 0) {
      throw new IllegalArgumentException("'" + text.trim() + "' is negative: expected " + DURATION_HELP);
    }
    return Duration.ofNanos(Math.round(v * nanosPerUnit));
  }

  /** Parses a rate into events per second; negative values are rejected. */
  public static double ratePerSecond(String text) {
    Matcher m = match(text, RATE_HELP);
    double v = Double.parseDouble(m.group(1));
    double perSecond = switch (m.group(2)) {
      case "/s" -> 1;
      case "/m" -> 1.0 / 60;
      case "/h" -> 1.0 / 3600;
      case "" -> throw new IllegalArgumentException("'" + text.trim() + "' has no unit: expected " + RATE_HELP);
      default -> throw new IllegalArgumentException("unknown unit '" + m.group(2) + "' in '" + text.trim() + "': expected " + RATE_HELP);
    };
    if (v < 0) {
      throw new IllegalArgumentException("'" + text.trim() + "' is negative: expected " + RATE_HELP);
    }
    return v * perSecond;
  }

  /** Parses a percentage into a ratio: {@code 0.1%} is 0.001. Range is not checked. */
  public static double percentRatio(String text) {
    Matcher m = match(text, PERCENT_HELP);
    if (!m.group(2).equals("%")) {
      throw new IllegalArgumentException("'" + text.trim() + "' is not " + PERCENT_HELP);
    }
    return Double.parseDouble(m.group(1)) / 100.0;
  }

  /** Parses a bit rate into bits per second. */
  public static long bitsPerSecond(String text) {
    Matcher m = match(text, BITRATE_HELP);
    double v = Double.parseDouble(m.group(1));
    double factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "bit" -> 1;
      case "kbit" -> 1e3;
      case "mbit" -> 1e6;
      case "gbit" -> 1e9;
      case "bps" -> 8;
      case "kbps" -> 8e3;
      case "mbps" -> 8e6;
      case "gbps" -> 8e9;
      default -> throw new IllegalArgumentException("'" + text.trim() + "' is not " + BITRATE_HELP);
    };
    if (v <= 0) {
      throw new IllegalArgumentException("'" + text.trim() + "' must be > 0: expected " + BITRATE_HELP);
    }
    return Math.round(v * factor);
  }

  private static Matcher match(String text, String help) {
    Matcher m = NUMBER_UNIT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not " + help);
    }
    return m;
  }

  /** A duration in the largest unit that keeps it at least 1: {@code 20ms}, {@code 1.5s}, {@code 250us}. */
  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos >= 1_000_000_000L) {
      return Formats.number(nanos / 1e9) + "s";
    }
    if (nanos >= 1_000_000L) {
      return Formats.number(nanos / 1e6) + "ms";
    }
    if (nanos >= 1_000L || nanos == 0) {
      return Formats.number(nanos / 1e3) + "us";
    }
    return nanos + "ns";
  }

}
