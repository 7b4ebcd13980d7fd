package io.perftwin.scenarios.parse;

import io.perftwin.reports.Slo;
import io.perftwin.reports.Slo.Comparison;
import io.perftwin.reports.Slo.Metric;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads service-level objectives.
 *
 * <pre>
 * objective  = [ request "." ] metric op value
 * metric     = "p" digits [ "." digits ]     percentile, 0 &lt; p &lt; 100; value is a duration
 *            | "mean" | "max"                value is a duration
 *            | "errors"                      value is a percentage
 *            | "throughput"                  value is a rate
 * op         = "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * windowed   = objective "in" percentage "of" duration "windows"   e.g. p99 &lt; 200ms in 95% of 1m windows
 * noted      = (objective | windowed) "(" note ")"   the note (no parentheses inside) is kept in the text only
 * </pre>
 *
 * <p>Durations become milliseconds, percentages ratios ({@code 0.1%} → 0.001), rates per second.
 * Request names cannot contain dots, so in {@code checkout.p99.9} the scope is {@code checkout}
 * and the metric {@code p99.9}. Spaces around the operator are optional. Errors point at the
 * part of the objective that is wrong (offsets into the text as given).
 */
public final class SloParser {
  private SloParser() {}

  /** How the metrics are written, for error messages. */
  public static final List<String> METRICS = List.of("pNN (e.g. p50, p99, p99.9)", "mean", "max", "errors", "throughput");

  private static final List<String> NAMED_METRICS = List.of("mean", "max", "errors", "throughput");
  private static final List<String> OPERATORS = List.of("<", "<=", ">", ">=");
  private static final Pattern PERCENTILE = Pattern.compile("p([0-9]+(?:\\.[0-9]+)?)");
  private static final Pattern WINDOW = Pattern.compile("(.*\\S)\\s+in\\s+(\\S+)\\s+of\\s+(\\S+)\\s+windows?");
  /** A note in parentheses at the end, such as {@code (OpenSLO checkout-latency)}: kept in the text, not parsed. */
  private static final Pattern NOTE = Pattern.compile("(.*\\S)\\s+\\([^()]*\\)");
  private static final String GRAMMAR = "expected [<request>.]<metric> <op> <value>, e.g. 'p99 < 50ms' or 'checkout.errors < 0.1%'";

  /**
   * Parses one objective.
   *
   * @param text the objective as written
   * @param requestNames the request names a scope may refer to; {@code null} to accept any scope
   */
  public static Slo parse(String text, Collection<String> requestNames) throws ValueException {
    String raw = text == null ? "" : text;
    String trimmed = raw.strip();
    if (trimmed.isEmpty()) {
      throw new ValueException("empty SLO: " + GRAMMAR);
    }
    int base = raw.indexOf(trimmed);
    Matcher note = NOTE.matcher(trimmed);
    if (note.matches()) {
      Slo s = parse(raw.substring(0, base + note.end(1)), requestNames);
      return new Slo(trimmed, s.scope(), s.metric(), s.percentile(), s.comparison(), s.threshold(), s.window());
    }
    Matcher window = WINDOW.matcher(trimmed);
    if (window.matches()) {
      return windowed(raw, base, trimmed, window, requestNames);
    }

    int opAt = -1;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '<' || c == '>' || c == '=' || c == '!') {
        opAt = i;
        break;
      }
    }
    if (opAt < 0) {
      throw new ValueException("no comparison in SLO " + Texts.quote(trimmed) + ": " + GRAMMAR,
          List.of(), null);
    }
    int opEnd = opAt;
    while (opEnd < trimmed.length() && "<>=!".indexOf(trimmed.charAt(opEnd)) >= 0) {
      opEnd++;
    }
    String op = trimmed.substring(opAt, opEnd);
    Comparison comparison = comparison(op);
    if (comparison == null) {
      String fix = switch (op) {
        case "=<" -> "<=";
        case "=>" -> ">=";
        default -> null;
      };
      throw new ValueException("unknown comparison '" + op + "' in SLO " + Texts.quote(trimmed),
          base + opAt, op.length(), OPERATORS, fix == null ? null : "did you mean '" + fix + "'?");
    }

    String left = trimmed.substring(0, opAt).strip();
    int leftAt = base; // trimmed starts with a non-space, so left does too
    if (left.isEmpty()) {
      throw new ValueException("missing metric before '" + op + "' in SLO " + Texts.quote(trimmed) + ": " + GRAMMAR,
          base + opAt, op.length(), List.of(), null);
    }
    String value = trimmed.substring(opEnd).strip();
    int valueAt = base + opEnd + (value.isEmpty() ? 0 : trimmed.substring(opEnd).indexOf(value));
    if (value.isEmpty()) {
      throw new ValueException("missing value after '" + op + "' in SLO " + Texts.quote(trimmed) + ": " + GRAMMAR,
          base + opAt, op.length(), List.of(), null);
    }

    String scope = null;
    String metricText = left;
    int metricAt = leftAt;
    if (!isMetric(left) && left.contains(".")) {
      int dot = left.indexOf('.');
      scope = left.substring(0, dot);
      metricText = left.substring(dot + 1);
      metricAt = leftAt + dot + 1;
      if (scope.isEmpty()) {
        throw new ValueException("missing request name before '.' in SLO " + Texts.quote(trimmed),
            leftAt, 1, List.of(), null);
      }
    }
    if (metricText.contains(" ") || metricText.contains("\t")) {
      throw new ValueException("unexpected space in " + Texts.quote(metricText) + " in SLO " + Texts.quote(trimmed)
          + ": " + GRAMMAR, metricAt, metricText.length(), List.of(), null);
    }

    Metric metric;
    double percentile = Double.NaN;
    Matcher pm = PERCENTILE.matcher(metricText);
    if (pm.matches()) {
      metric = Metric.PERCENTILE;
      percentile = Double.parseDouble(pm.group(1));
      if (!(percentile > 0 && percentile < 100)) {
        throw new ValueException("percentile " + Texts.quote(metricText) + " must be between p0 and p100 (exclusive)",
            metricAt, metricText.length(), List.of(), null);
      }
    } else {
      metric = switch (metricText) {
        case "mean" -> Metric.MEAN;
        case "max" -> Metric.MAX;
        case "errors" -> Metric.ERRORS;
        case "throughput" -> Metric.THROUGHPUT;
        default -> null;
      };
      if (metric == null) {
        List<String> candidates = new ArrayList<>(NAMED_METRICS);
        candidates.addAll(List.of("p50", "p90", "p95", "p99", "p99.9"));
        String hint = DidYouMean.hint(metricText, candidates);
        if (hint == null && metricText.matches("(?i)avg|average")) {
          hint = "did you mean 'mean'?";
        }
        throw new ValueException("unknown metric " + Texts.quote(metricText) + " in SLO " + Texts.quote(trimmed),
            metricAt, metricText.length(), METRICS, hint);
      }
    }

    if (scope != null && requestNames != null && !requestNames.contains(scope)) {
      String hint = DidYouMean.hint(scope, requestNames);
      if (hint == null && scope.equals("all")) {
        hint = "leave out the scope to mean all requests: " + Texts.quote(trimmed.substring(trimmed.indexOf('.') + 1));
      }
      throw new ValueException("unknown request " + Texts.quote(scope) + " in SLO " + Texts.quote(trimmed),
          leftAt, scope.length(), List.copyOf(requestNames), hint);
    }

    String subject = metricText;
    double threshold;
    try {
      threshold = switch (metric) {
        case PERCENTILE, MEAN, MAX ->
            Quantities.duration(subject, value, Quantities.Bound.NON_NEGATIVE).toNanos() / 1e6;
        case ERRORS -> Quantities.percentRatio(subject, value);
        case THROUGHPUT -> throughput(subject, value);
      };
    } catch (ValueException e) {
      throw new ValueException(e.getMessage(), valueAt, value.length(), e.allowed(), e.suggestion());
    }
    return new Slo(trimmed, scope, metric, percentile, comparison, threshold);
  }

  /**
   * {@code <objective> in <P>% of <D> windows}: the objective must hold in at least P% of the
   * consecutive windows of D (a whole number of seconds) of the measured time.
   */
  private static Slo windowed(String raw, int base, String trimmed, Matcher m, Collection<String> requestNames)
      throws ValueException {
    Slo objective = parse(raw.substring(0, base + m.end(1)), requestNames);
    double share;
    try {
      share = Quantities.percentRatio("share of windows", m.group(2));
    } catch (ValueException e) {
      throw new ValueException(e.getMessage(), base + m.start(2), m.group(2).length(), e.allowed(), e.suggestion());
    }
    if (!(share > 0 && share <= 1)) {
      throw new ValueException("share of windows " + Texts.quote(m.group(2)) + " must be above 0% and at most 100%",
          base + m.start(2), m.group(2).length(), List.of(), null);
    }
    double seconds;
    try {
      seconds = Quantities.duration("window", m.group(3), Quantities.Bound.POSITIVE).toNanos() / 1e9;
    } catch (ValueException e) {
      throw new ValueException(e.getMessage(), base + m.start(3), m.group(3).length(), e.allowed(), e.suggestion());
    }
    if (seconds < 1 || seconds != Math.rint(seconds)) {
      throw new ValueException("window " + Texts.quote(m.group(3)) + " must be a whole number of seconds, at least 1s",
          base + m.start(3), m.group(3).length(), List.of(), null);
    }
    return objective.inWindows(trimmed, new Slo.Window(seconds, share));
  }

  /** {@code throughput >= 0/s} is pointless but not wrong, so zero is allowed here. */
  private static double throughput(String subject, String value) throws ValueException {
    if (value.matches("\\s*[+]?0*\\.?0+\\s*/[smh]\\s*")) {
      return 0;
    }
    return Quantities.ratePerSecond(subject, value);
  }

  private static boolean isMetric(String s) {
    return PERCENTILE.matcher(s).matches() || NAMED_METRICS.contains(s);
  }

  private static Comparison comparison(String op) {
    for (Comparison c : Comparison.values()) {
      if (c.symbol().equals(op)) {
        return c;
      }
    }
    return null;
  }
}
