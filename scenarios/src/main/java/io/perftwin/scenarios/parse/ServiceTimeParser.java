package io.perftwin.scenarios.parse;

import io.perftwin.infra.ServiceTime;
import io.perftwin.loadgen.Units;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the demo service's {@code serviceTime}: {@code constant(D)}, {@code exponential(D)} (D is
 * the mean), {@code lognormal(median=D, p99=D)} (or {@code median=D, sigma=S}, or {@code mean=D,
 * sigma=S}; see {@link ServiceTime#parse(String, String)}), or a bare duration {@code D}, which
 * means {@code constant(D)}. A constant may be
 * zero; an exponential mean must be {@code > 0}.
 */
public final class ServiceTimeParser {
  private ServiceTimeParser() {}

  /** The accepted forms, for error messages. */
  public static final List<String> FORMS = List.of("constant(D)", "exponential(D)", "lognormal(median=D, p99=D)",
      "lognormal(median=D, sigma=S)", "lognormal(mean=D, sigma=S)", "D (same as constant(D))");

  private static final Pattern CALL = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*");
  private static final List<String> DISTRIBUTIONS = List.of("constant", "exponential", "lognormal");

  /**
   * Parses a service time given outside a scenario file (e.g. on the command line).
   *
   * @throws IllegalArgumentException with a message that says what is allowed
   */
  public static ServiceTime parse(String text) {
    try {
      return parse("serviceTime", text == null ? "" : text);
    } catch (ValueException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * @param key the setting's name for messages ({@code serviceTime})
   * @param text the value as written
   */
  public static ServiceTime parse(String key, String text) throws ValueException {
    Matcher m = CALL.matcher(text);
    if (m.matches()) {
      String name = m.group(1);
      String inner = m.group(2);
      int innerAt = m.start(2);
      if (!DISTRIBUTIONS.contains(name)) {
        throw new ValueException("unknown distribution " + Texts.quote(name) + " in " + Texts.quote(key),
            m.start(1), name.length(), FORMS, DidYouMean.hint(name, DISTRIBUTIONS));
      }
      try {
        if (name.equals("lognormal")) {
          try {
            return ServiceTime.parse(key, text);
          } catch (IllegalArgumentException e) {
            throw new ValueException(e.getMessage(), innerAt, inner.length(), FORMS, null);
          }
        }
        if (name.equals("constant")) {
          return new ServiceTime.Constant(Quantities.duration(key, inner, Quantities.Bound.NON_NEGATIVE));
        }
        return new ServiceTime.Exponential(Quantities.duration(key, inner, Quantities.Bound.POSITIVE));
      } catch (ValueException e) {
        throw new ValueException(e.getMessage(), innerAt, inner.length(), e.allowed(), e.suggestion());
      }
    }
    if (Quantities.looksLikeQuantity(text)) {
      Duration d = Quantities.duration(key, text, Quantities.Bound.NON_NEGATIVE);
      return new ServiceTime.Constant(d);
    }
    String hint = null;
    String word = text.strip().split("[\\s(]", 2)[0];
    String distribution = DidYouMean.closest(word, DISTRIBUTIONS);
    if (distribution == null && DISTRIBUTIONS.contains(word)) {
      distribution = word;
    }
    if (distribution != null) {
      hint = "write it as " + distribution + "(D), e.g. " + distribution + "(2ms)";
    }
    throw new ValueException(Texts.quote(key) + " must be constant(D), exponential(D), lognormal(median=D, p99=D) or a duration D (e.g. 2ms), got "
        + Texts.quote(text.strip()), FORMS, hint);
  }

  /** The scenario-file spelling: {@code exponential(2ms)}, {@code constant(1.5ms)}. */
  public static String format(ServiceTime t) {
    if (t instanceof ServiceTime.Constant c) {
      return "constant(" + Units.format(c.value()) + ")";
    }
    if (t instanceof ServiceTime.LogNormal l) {
      return "lognormal(median=" + Units.format(l.median()) + ", sigma=" + l.sigma() + ")";
    }
    return "exponential(" + Units.format(t.mean()) + ")";
  }
}
