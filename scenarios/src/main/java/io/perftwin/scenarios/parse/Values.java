package io.perftwin.scenarios.parse;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Reads typed values from tree nodes. Each method reports a problem and returns {@code null} when
 * the node is not a value of the right type or range; the binder carries on so that every problem
 * is found in one pass.
 */
final class Values {
  private final Problems problems;

  Values(Problems problems) {
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  /** A value parser that may reject the text. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String text) throws ValueException;
  }

  /** The scalar in {@code node}, or {@code null} after reporting that {@code key} must be {@code expected}. */
  YamlScalar scalar(YamlNode node, String key, String expected) {
    if (node instanceof YamlScalar s && !s.isNull()) {
      return s;
    }
    problems.add(node.mark(), q(key) + " must be " + expected + ", got " + node.describe());
    return null;
  }

  /** A value read by {@code parser}; its {@link ValueException} becomes a problem at the scalar. */
  <T> T parse(YamlNode node, String key, String expected, Parser<T> parser) {
    YamlScalar s = scalar(node, key, expected);
    if (s == null) {
      return null;
    }
    try {
      return parser.parse(s.value());
    } catch (ValueException e) {
      problems.add(s, e);
      return null;
    }
  }

  /** A map; YAML null (an empty value) is an empty map. */
  YamlMap map(YamlNode node, String key) {
    if (node instanceof YamlMap m) {
      return m;
    }
    if (node instanceof YamlScalar s && s.isNull()) {
      return new YamlMap(node.mark());
    }
    problems.add(node.mark(), q(key) + " must be a map, got " + node.describe());
    return null;
  }

  /** A list; YAML null (an empty value) is an empty list. */
  YamlList list(YamlNode node, String key) {
    if (node instanceof YamlList l) {
      return l;
    }
    if (node instanceof YamlScalar s && s.isNull()) {
      return new YamlList(node.mark());
    }
    problems.add(node.mark(), q(key) + " must be a list, got " + node.describe());
    return null;
  }

  /** Any scalar, as text. */
  String string(YamlNode node, String key) {
    YamlScalar s = scalar(node, key, "a string");
    return s == null ? null : s.value();
  }

  /** An integer {@code >= min}. */
  Integer integer(YamlNode node, String key, int min) {
    return integer(node, key, min, Integer.MAX_VALUE);
  }

  /** An integer in {@code [min, max]}. */
  Integer integer(YamlNode node, String key, int min, int max) {
    Long v = parse(node, key, "an integer", t -> integerText(key, t, min, max));
    return v == null ? null : v.intValue();
  }

  /** Any 64-bit integer. */
  Long longInteger(YamlNode node, String key) {
    return parse(node, key, "an integer", t -> integerText(key, t, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  private static long integerText(String key, String text, long min, long max) throws ValueException {
    String t = text.strip();
    if (!t.matches("[-+]?[0-9]+")) {
      throw new ValueException(q(key) + " must be an integer, got " + Texts.quote(t));
    }
    long v;
    try {
      v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
    } catch (NumberFormatException e) {
      throw new ValueException(q(key) + " is too large, got " + Texts.quote(t));
    }
    if (v < min) {
      throw new ValueException(q(key) + " must be >= " + min + ", got " + Texts.quote(t));
    }
    if (v > max) {
      throw new ValueException(q(key) + " must be <= " + max + ", got " + Texts.quote(t));
    }
    return v;
  }

  /** {@code true} or {@code false} (any case); YAML 1.1's {@code yes}/{@code no}/{@code on}/{@code off} are refused. */
  Boolean bool(YamlNode node, String key) {
    return parse(node, key, "true or false", t -> {
      String v = t.strip().toLowerCase(Locale.ROOT);
      if (v.equals("true")) {
        return Boolean.TRUE;
      }
      if (v.equals("false")) {
        return Boolean.FALSE;
      }
      throw new ValueException(q(key) + " must be true or false, got " + Texts.quote(t));
    });
  }

  Duration duration(YamlNode node, String key, Quantities.Bound bound) {
    return parse(node, key, "a duration", t -> Quantities.duration(key, t, bound));
  }

  Double rate(YamlNode node, String key) {
    return parse(node, key, "a rate", t -> Quantities.ratePerSecond(key, t));
  }

  /** A rate within {@code bound}; {@link #rate(YamlNode, String)} is {@code > 0}. */
  Double rate(YamlNode node, String key, Quantities.Bound bound) {
    return parse(node, key, "a rate", t -> Quantities.ratePerSecond(key, t, bound));
  }

  Double percent(YamlNode node, String key) {
    return parse(node, key, "a percentage", t -> Quantities.percentRatio(key, t));
  }

  Long bitRate(YamlNode node, String key) {
    return parse(node, key, "a bit rate", t -> Quantities.bitsPerSecond(key, t));
  }

  /**
   * One of a fixed set of words.
   *
   * @param what what the word names, for the message: {@code unknown engine 'vrtx'}
   */
  String oneOf(YamlNode node, String key, String what, List<String> allowed) {
    return parse(node, key, "one of " + String.join(", ", allowed), t -> {
      String v = t.strip();
      if (allowed.contains(v)) {
        return v;
      }
      throw new ValueException("unknown " + what + " " + Texts.quote(v), allowed, DidYouMean.hint(v, allowed));
    });
  }

  /** A path written in the scenario, as written and resolved against the scenario file's folder. */
  record WrittenPath(YamlScalar scalar, String written, Path file) {}

  /**
   * Reads {@code key} as a path relative to {@code baseDir} (absolute paths stay as they are);
   * null, with a problem, when it is not a scalar or not a valid path.
   */
  WrittenPath path(YamlNode node, String key, String expected, Path baseDir) {
    YamlScalar s = scalar(node, key, expected);
    if (s == null) {
      return null;
    }
    String written = s.value().strip();
    try {
      Path p = Path.of(written);
      return new WrittenPath(s, written, p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p));
    } catch (InvalidPathException e) {
      problems.add(s.mark(), q(key) + " is not a valid path: " + Texts.quote(written));
      return null;
    }
  }

  static String q(String key) {
    return "'" + key + "'";
  }
}
