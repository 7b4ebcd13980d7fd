package io.perftwin.scenarios.parse;

import io.perftwin.loadgen.Utf8;
import io.perftwin.reports.Slo;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds {@code sloFiles:}, objectives read from OpenSLO v1 files ({@code apiVersion: openslo/v1},
 * {@code kind: SLO}), the subset documented in docs/scenario-reference.md ("SLOs from OpenSLO
 * files"). Each objective of an OpenSLO SLO becomes one {@link Slo} whose text is the perftwin
 * spelling followed by a note naming the OpenSLO object, e.g.
 * {@code checkout.p99 < 200ms in 95% of 1m windows (OpenSLO checkout-latency)}; the text is then
 * read by {@link SloParser}, so that it reads back the same from {@code summary.json}.
 *
 * <p>Problems inside an OpenSLO file are reported against that file (its own line, column and
 * snippet); a path that cannot be read is reported at the path in the scenario file.
 */
final class OpenSloBinder {
  static final String API_VERSION = "openslo/v1";
  static final List<String> TOP_KEYS = List.of("apiVersion", "kind", "metadata", "spec");
  static final List<String> METADATA_KEYS = List.of("name", "displayName", "labels", "annotations");
  static final List<String> SPEC_KEYS = List.of("description", "service", "indicator", "indicatorRef", "timeWindow",
      "budgetingMethod", "objectives", "alertPolicies");
  static final List<String> INDICATOR_KEYS = List.of("metadata", "spec");
  static final List<String> SLI_SPEC_KEYS = List.of("description", "thresholdMetric", "ratioMetric");
  static final List<String> RATIO_KEYS = List.of("counter", "good", "bad", "total", "rawType", "raw");
  static final List<String> SOURCE_KEYS = List.of("metricSource");
  static final List<String> METRIC_SOURCE_KEYS = List.of("metricSourceRef", "type", "spec");
  static final List<String> PERFTWIN_KEYS = List.of("request", "metric");
  static final List<String> OBJECTIVE_KEYS = List.of("displayName", "op", "value", "target", "targetPercent",
      "timeSliceTarget", "timeSliceWindow");
  static final List<String> BUDGETING_METHODS = List.of("Occurrences", "Timeslices");
  static final List<String> OPS = List.of("lt", "lte", "gt", "gte");
  static final String SOURCE_TYPE = "perftwin";
  private static final Map<String, String> OP_SYMBOLS = Map.of("lt", "<", "lte", "<=", "gt", ">", "gte", ">=");
  private static final List<String> NAMED_METRICS = List.of("mean", "max", "errors", "throughput");
  private static final Pattern PERCENTILE = Pattern.compile("p([0-9]+(?:\\.[0-9]+)?)");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern NUMBER = Pattern.compile("[+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  private static final String PATH_HINT = "paths in 'sloFiles' are relative to the scenario file";

  /** What an indicator measures: a threshold metric, or the share of successful requests. */
  private record Indicator(boolean ratio, String scope, String metric) {}

  private final Problems scenarioProblems;
  private final Values scenarioValues;
  private final Path baseDir;
  private final List<String> requestNames;
  private Values values;
  private Problems problems;

  /**
   * @param baseDir the folder of the scenario file, against which paths are resolved
   * @param requestNames the scenario's request names, or {@code null} if they are not known (then
   *     request names are not checked)
   */
  OpenSloBinder(Values values, Path baseDir, List<String> requestNames) {
    this.scenarioValues = values;
    this.scenarioProblems = values.problems();
    this.baseDir = baseDir;
    this.requestNames = requestNames;
  }

  /** The objectives of every file in the list, in order; {@code null} if any problem was found. */
  List<Slo> bind(YamlNode node) {
    YamlList list = scenarioValues.list(node, "sloFiles");
    if (list == null) {
      return null;
    }
    List<Slo> slos = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      List<Slo> fromFile = file(list.get(i), "sloFiles." + i);
      ok &= fromFile != null;
      if (fromFile != null) {
        slos.addAll(fromFile);
      }
    }
    return ok ? slos : null;
  }

  /** The paths as written, for the resolved settings. */
  static List<String> paths(YamlNode node) {
    List<String> paths = new ArrayList<>();
    if (node instanceof YamlList l) {
      l.items().forEach(i -> paths.add(i instanceof YamlScalar s ? s.value().strip() : ""));
    }
    return paths;
  }

  private List<Slo> file(YamlNode node, String key) {
    Values.WrittenPath path = scenarioValues.path(node, key, "the path of an OpenSLO file", baseDir);
    if (path == null) {
      return null;
    }
    YamlScalar s = path.scalar();
    String written = path.written();
    Path file = path.file();
    String why;
    String text = null;
    try {
      if (written.isEmpty()) {
        why = "the path is empty";
      } else if (Files.isDirectory(file)) {
        why = "it is a directory";
      } else {
        text = Utf8.decodeStrict(Files.readAllBytes(file));
        why = null;
      }
    } catch (NoSuchFileException e) {
      why = "no such file";
    } catch (AccessDeniedException e) {
      why = "permission denied";
    } catch (CharacterCodingException e) {
      why = "it is not UTF-8 text";
    } catch (IOException e) {
      why = String.valueOf(e.getMessage());
    }
    if (why != null) {
      String looked = file.toString().equals(written) ? "" : " (looked for " + file + ")";
      scenarioProblems.add(s.mark(), "cannot read OpenSLO file " + Texts.quote(written) + ": " + why + looked,
          List.of(), PATH_HINT);
      return null;
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    problems = new Problems(file.toString(), new SourceText(text));
    values = new Values(problems);
    List<YamlNode> documents = TreeBuilder.buildAll(text, problems);
    if (documents.isEmpty() && problems.isEmpty()) {
      problems.add(Mark.at(1, 1, 1), "the file has no OpenSLO object; expected 'apiVersion: " + API_VERSION
          + "' and 'kind: SLO'");
    }
    List<Slo> slos = new ArrayList<>();
    for (YamlNode document : documents) {
      slos.addAll(document(document));
    }
    boolean ok = problems.isEmpty();
    scenarioProblems.addAll(problems);
    return ok ? slos : null;
  }

  private List<Slo> document(YamlNode node) {
    if (!(node instanceof YamlMap map)) {
      problems.add(node.mark(), "an OpenSLO object must be a map with the keys " + String.join(", ", TOP_KEYS)
          + ", got " + node.describe());
      return List.of();
    }
    MapReader r = new MapReader(problems, map, map.mark(), "in the OpenSLO object", TOP_KEYS).reportUnknownKeys();
    YamlNode apiNode = r.required("apiVersion");
    String api = apiNode == null ? null : values.parse(apiNode, "apiVersion", "'" + API_VERSION + "'", t -> {
      if (t.strip().equals(API_VERSION)) {
        return API_VERSION;
      }
      throw new ValueException("unsupported apiVersion " + Texts.quote(t.strip()) + ": perftwin reads OpenSLO "
          + Texts.quote(API_VERSION) + " files", List.of(API_VERSION), null);
    });
    YamlNode kindNode = r.required("kind");
    String kind = kindNode == null ? null : values.parse(kindNode, "kind", "'SLO'", t -> {
      if (t.strip().equals("SLO")) {
        return "SLO";
      }
      throw new ValueException("kind " + Texts.quote(t.strip()) + " is not supported: an OpenSLO file of 'sloFiles'"
          + " holds 'kind: SLO' objects", List.of("SLO"),
          t.strip().equals("SLI") ? "write the indicator inline, under the SLO's 'spec.indicator'" : null);
    });
    YamlNode metadataNode = r.required("metadata");
    String name = metadataNode == null ? null : metadata(metadataNode);
    YamlNode specNode = r.required("spec");
    if (api == null || kind == null || name == null || specNode == null) {
      return List.of();
    }
    return spec(specNode, name);
  }

  private String metadata(YamlNode node) {
    YamlMap map = values.map(node, "metadata");
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, map.mark(), "in 'metadata'", METADATA_KEYS).reportUnknownKeys();
    YamlNode nameNode = r.required("name");
    if (r.optional("displayName") != null) {
      values.string(r.optional("displayName"), "displayName");
    }
    return nameNode == null ? null : values.parse(nameNode, "name", "a name", t -> {
      if (NAME.matcher(t).matches()) {
        return t;
      }
      throw new ValueException("'name' must be 1 to 63 lowercase letters, digits or '-', starting and ending with"
          + " a letter or digit (OpenSLO names are DNS labels), got " + Texts.quote(t));
    });
  }

  private List<Slo> spec(YamlNode node, String name) {
    YamlMap map = values.map(node, "spec");
    if (map == null) {
      return List.of();
    }
    MapReader r = new MapReader(problems, map, map.mark(), "in 'spec'", SPEC_KEYS).reportUnknownKeys();
    Indicator indicator = null;
    if (r.optional("indicatorRef") != null) {
      problems.add(r.keyMark("indicatorRef"), "'indicatorRef' is not supported: perftwin does not read SLI objects",
          List.of(), "write the indicator inline, under 'indicator'");
    } else {
      YamlNode indicatorNode = r.required("indicator");
      indicator = indicatorNode == null ? null : indicator(indicatorNode);
    }
    YamlNode methodNode = r.required("budgetingMethod");
    String method = methodNode == null ? null
        : values.oneOf(methodNode, "budgetingMethod", "budgeting method", BUDGETING_METHODS);
    YamlNode objectivesNode = r.required("objectives");
    YamlList objectives = objectivesNode == null ? null : values.list(objectivesNode, "objectives");
    if (objectives != null && objectives.size() == 0) {
      problems.add(objectivesNode.mark(), "'objectives' must have at least one objective");
    }
    if (indicator == null || method == null || objectives == null) {
      return List.of();
    }
    List<Slo> slos = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      Slo s = objective(objectives.get(i), "objectives." + i, name, indicator, method.equals("Timeslices"));
      if (s != null) {
        slos.add(s);
      }
    }
    return slos;
  }

  private Indicator indicator(YamlNode node) {
    YamlMap map = values.map(node, "indicator");
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, map.mark(), "in 'indicator'", INDICATOR_KEYS).reportUnknownKeys();
    YamlNode specNode = r.required("spec");
    YamlMap spec = specNode == null ? null : values.map(specNode, "spec");
    if (spec == null) {
      return null;
    }
    MapReader s = new MapReader(problems, spec, r.keyMark("spec"), "in 'indicator.spec'", SLI_SPEC_KEYS)
        .reportUnknownKeys();
    YamlNode threshold = s.optional("thresholdMetric");
    YamlNode ratio = s.optional("ratioMetric");
    if (threshold != null && ratio != null) {
      problems.add(s.keyMark("ratioMetric"), "an indicator has 'thresholdMetric' or 'ratioMetric', not both");
      return null;
    }
    if (threshold == null && ratio == null) {
      if (!s.misspelt("thresholdMetric") && !s.misspelt("ratioMetric")) {
        problems.add(r.keyMark("spec"), "missing 'thresholdMetric' or 'ratioMetric' in 'indicator.spec'");
      }
      return null;
    }
    if (threshold != null) {
      YamlMap m = values.map(threshold, "thresholdMetric");
      if (m == null) {
        return null;
      }
      MapReader t = new MapReader(problems, m, s.keyMark("thresholdMetric"), "in 'thresholdMetric'", SOURCE_KEYS)
          .reportUnknownKeys();
      YamlNode source = t.required("metricSource");
      return source == null ? null : source(source, t.keyMark("metricSource"), null);
    }
    return ratio(ratio, s.keyMark("ratioMetric"));
  }

  private Indicator ratio(YamlNode node, Mark anchor) {
    YamlMap map = values.map(node, "ratioMetric");
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, anchor, "in 'ratioMetric'", RATIO_KEYS).reportUnknownKeys();
    for (String raw : List.of("raw", "rawType")) {
      if (r.optional(raw) != null) {
        problems.add(r.keyMark(raw), Texts.quote(raw) + " is not supported: a perftwin ratio is counted from the"
            + " run's requests", List.of(), "use 'good' (or 'bad') and 'total'");
        return null;
      }
    }
    if (r.optional("counter") != null) {
      values.bool(r.optional("counter"), "counter"); // perftwin counts requests itself; only checked
    }
    YamlNode good = r.optional("good");
    YamlNode bad = r.optional("bad");
    if (good != null && bad != null) {
      problems.add(r.keyMark("bad"), "a ratioMetric has 'good' or 'bad', not both");
      return null;
    }
    if (good == null && bad == null) {
      if (!r.misspelt("good") && !r.misspelt("bad")) {
        problems.add(anchor, "missing 'good' (or 'bad') in 'ratioMetric'");
      }
      return null;
    }
    String numeratorKey = good != null ? "good" : "bad";
    Indicator numerator = holder(good != null ? good : bad, r.keyMark(numeratorKey), numeratorKey,
        good != null ? "successes" : "errors");
    YamlNode totalNode = r.required("total");
    Indicator total = totalNode == null ? null : holder(totalNode, r.keyMark("total"), "total", "requests");
    if (numerator == null || total == null) {
      return null;
    }
    if (!java.util.Objects.equals(numerator.scope(), total.scope())) {
      problems.add(r.keyMark("total"), Texts.quote(numeratorKey) + " and 'total' must count the same requests, got "
          + scopeName(numerator.scope()) + " and " + scopeName(total.scope()));
      return null;
    }
    return new Indicator(true, total.scope(), null);
  }

  private static String scopeName(String scope) {
    return scope == null ? "all requests" : "request " + Texts.quote(scope);
  }

  /** {@code good:}, {@code bad:} or {@code total:}: a map holding a metricSource. */
  private Indicator holder(YamlNode node, Mark anchor, String key, String metric) {
    YamlMap map = values.map(node, key);
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, anchor, "in " + Texts.quote(key), SOURCE_KEYS).reportUnknownKeys();
    YamlNode source = r.required("metricSource");
    return source == null ? null : source(source, r.keyMark("metricSource"), metric);
  }

  /**
   * A metricSource of type perftwin.
   *
   * @param ratioMetric the metric a ratio's source must count ({@code successes}, {@code errors},
   *     {@code requests}), or {@code null} for a threshold metric
   */
  private Indicator source(YamlNode node, Mark anchor, String ratioMetric) {
    YamlMap map = values.map(node, "metricSource");
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, anchor, "in 'metricSource'", METRIC_SOURCE_KEYS).reportUnknownKeys();
    if (r.optional("metricSourceRef") != null) {
      problems.add(r.keyMark("metricSourceRef"), "'metricSourceRef' is not supported: perftwin measures the run"
          + " itself", List.of(), "write 'type: " + SOURCE_TYPE + "' and a 'spec' with 'request' and 'metric'");
      return null;
    }
    YamlNode typeNode = r.required("type");
    String type = typeNode == null ? null : values.parse(typeNode, "type", "'" + SOURCE_TYPE + "'", t -> {
      if (t.strip().equals(SOURCE_TYPE)) {
        return SOURCE_TYPE;
      }
      throw new ValueException("metric source type " + Texts.quote(t.strip()) + " is not supported: perftwin"
          + " evaluates its own measurements of the run", List.of(SOURCE_TYPE), DidYouMean.hint(t.strip(),
          List.of(SOURCE_TYPE)));
    });
    YamlNode specNode = r.required("spec");
    YamlMap spec = specNode == null ? null : values.map(specNode, "spec");
    if (type == null || spec == null) {
      return null;
    }
    MapReader s = new MapReader(problems, spec, r.keyMark("spec"), "in 'metricSource.spec'", PERFTWIN_KEYS)
        .reportUnknownKeys();
    String scope = null;
    boolean ok = true;
    if (s.optional("request") != null) {
      scope = values.parse(s.optional("request"), "request", "a request name", this::request);
      ok = scope != null;
    }
    YamlNode metricNode = s.required("metric");
    if (metricNode == null) {
      return null;
    }
    String metric = ratioMetric == null
        ? values.parse(metricNode, "metric", "a metric", OpenSloBinder::thresholdMetric)
        : values.parse(metricNode, "metric", Texts.quote(ratioMetric), t -> {
          if (t.strip().equals(ratioMetric)) {
            return ratioMetric;
          }
          throw new ValueException("the metric of a ratio's " + (ratioMetric.equals("requests") ? "'total'"
              : ratioMetric.equals("errors") ? "'bad'" : "'good'") + " is " + Texts.quote(ratioMetric)
              + ", got " + Texts.quote(t.strip()), List.of(ratioMetric), null);
        });
    return ok && metric != null ? new Indicator(ratioMetric != null, scope, metric) : null;
  }

  private String request(String text) throws ValueException {
    String name = text.strip();
    if (requestNames == null || requestNames.contains(name)) {
      return name;
    }
    String hint = DidYouMean.hint(name, requestNames);
    if (hint == null && name.equals("all")) {
      hint = "leave out 'request' to mean all requests";
    }
    throw new ValueException("unknown request " + Texts.quote(name) + " in OpenSLO metric source", requestNames, hint);
  }

  private static String thresholdMetric(String text) throws ValueException {
    String m = text.strip();
    var pm = PERCENTILE.matcher(m);
    if (pm.matches()) {
      double p = Double.parseDouble(pm.group(1));
      if (p > 0 && p < 100) {
        return m;
      }
      throw new ValueException("percentile " + Texts.quote(m) + " must be between p0 and p100 (exclusive)");
    }
    if (NAMED_METRICS.contains(m)) {
      return m;
    }
    List<String> candidates = new ArrayList<>(NAMED_METRICS);
    candidates.addAll(List.of("p50", "p90", "p95", "p99", "p99.9"));
    String hint = DidYouMean.hint(m, candidates);
    if (hint == null && m.matches("(?i)avg|average")) {
      hint = "did you mean 'mean'?";
    }
    throw new ValueException("unknown metric " + Texts.quote(m), SloParser.METRICS, hint);
  }

  private Slo objective(YamlNode node, String key, String name, Indicator indicator, boolean timeslices) {
    YamlMap map = values.map(node, key);
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, map.mark(), "in " + Texts.quote(key), OBJECTIVE_KEYS)
        .reportUnknownKeys();
    int before = problems.size();
    String displayName = r.optional("displayName") == null ? null : values.string(r.optional("displayName"), "displayName");

    Double share = null; // share of windows (Timeslices) or of good requests (ratio, Occurrences)
    YamlNode target = r.optional("target");
    YamlNode targetPercent = r.optional("targetPercent");
    String targetKey = target != null ? "target" : "targetPercent";
    if (target != null && targetPercent != null) {
      problems.add(r.keyMark("targetPercent"), "give 'target' or 'targetPercent', not both");
    } else if (target != null) {
      share = values.parse(target, "target", "a number from 0 to 1", t -> number("target", t, 0, 1, false));
    } else if (targetPercent != null) {
      Double pct = values.parse(targetPercent, "targetPercent", "a number from 0 to 100",
          t -> number("targetPercent", t, 0, 100, false));
      share = pct == null ? null : pct / 100;
    }

    String condition; // the objective per run or per window, in perftwin spelling
    if (indicator.ratio()) {
      for (String k : List.of("op", "value")) {
        if (r.optional(k) != null) {
          problems.add(r.keyMark(k), Texts.quote(k) + " applies to a thresholdMetric; the objective of a ratioMetric"
              + " is its 'target' (and 'timeSliceTarget' per window)");
        }
      }
      Double goodShare;
      if (timeslices) {
        YamlNode tst = r.required("timeSliceTarget");
        goodShare = tst == null ? null : values.parse(tst, "timeSliceTarget", "a number above 0, at most 1",
            t -> number("timeSliceTarget", t, 0, 1, true));
      } else {
        goodShare = share;
        if (target == null && targetPercent == null) {
          r.required("target");
        }
      }
      condition = goodShare == null ? null
          : scoped(indicator.scope(), "errors") + " <= " + ResolvedSettings.number((1 - goodShare) * 100) + "%";
    } else {
      YamlNode opNode = r.required("op");
      String op = opNode == null ? null : values.oneOf(opNode, "op", "operator", OPS);
      YamlNode valueNode = r.required("value");
      String metric = indicator.metric();
      Double value = valueNode == null ? null : values.parse(valueNode, "value", "a number",
          t -> number("value", t, 0, metric.equals("errors") ? 1 : Double.MAX_VALUE, true));
      condition = op == null || value == null ? null
          : scoped(indicator.scope(), metric) + " " + OP_SYMBOLS.get(op) + " " + quantity(metric, value);
      if (!timeslices && (target != null || targetPercent != null)) {
        problems.add(r.keyMark(targetKey), Texts.quote(targetKey) + " does not apply to a perftwin thresholdMetric"
            + " under Occurrences: the whole run is judged once on the metric itself",
            List.of(), "leave it out, or use 'budgetingMethod: Timeslices' to require a share of windows");
      }
      if (timeslices && r.optional("timeSliceTarget") != null) {
        values.parse(r.optional("timeSliceTarget"), "timeSliceTarget", "1", t -> {
          if (number("timeSliceTarget", t, 0, 1, true) == 1) {
            return 1.0;
          }
          throw new ValueException("'timeSliceTarget' of a perftwin thresholdMetric must be 1 or left out: the"
              + " metric is already an aggregate of the window (p99 is 99% of its requests), got " + Texts.quote(t));
        });
      }
    }

    if (!timeslices) {
      for (String k : List.of("timeSliceTarget", "timeSliceWindow")) {
        if (r.optional(k) != null) {
          problems.add(r.keyMark(k), Texts.quote(k) + " applies to 'budgetingMethod: Timeslices' only");
        }
      }
    }
    String windows = "";
    if (timeslices) {
      if (target == null && targetPercent == null) {
        r.required("target");
      } else if (share != null && share == 0) {
        problems.add((target != null ? target : targetPercent).mark(), Texts.quote(targetKey)
            + " (the share of windows that must meet the objective) must be above 0");
      }
      YamlNode windowNode = r.required("timeSliceWindow");
      Long seconds = windowNode == null ? null : values.parse(windowNode, "timeSliceWindow", "a duration",
          OpenSloBinder::windowSeconds);
      if (share != null && seconds != null) {
        windows = " in " + ResolvedSettings.number(share * 100) + "% of " + window(seconds) + " windows";
      }
    }
    if (problems.size() > before || condition == null) {
      return null;
    }
    String note = " (OpenSLO " + name
        + (displayName == null || displayName.isBlank() ? "" : ": " + displayName.strip().replace('(', '[').replace(')', ']'))
        + ")";
    String text = condition + windows + note;
    try {
      return SloParser.parse(text, requestNames);
    } catch (ValueException e) { // not expected: every part was checked above
      problems.add(map.mark(), "objective " + Texts.quote(text) + " cannot be read: " + e.getMessage());
      return null;
    }
  }

  private static String scoped(String scope, String metric) {
    return scope == null ? metric : scope + "." + metric;
  }

  /** The threshold in the unit SloParser reads: milliseconds, a percentage, or per second. */
  private static String quantity(String metric, double value) {
    return switch (metric) {
      case "errors" -> ResolvedSettings.number(value * 100) + "%";
      case "throughput" -> ResolvedSettings.number(value) + "/s";
      default -> ResolvedSettings.number(value) + "ms";
    };
  }

  private static String window(long seconds) {
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** A number within [min, max] (or [min, max) when {@code maxIncluded} is false). */
  private static double number(String key, String text, double min, double max, boolean maxIncluded)
      throws ValueException {
    String t = text.strip();
    if (!NUMBER.matcher(t).matches()) {
      throw new ValueException(Values.q(key) + " must be a number, got " + Texts.quote(t));
    }
    double v = Double.parseDouble(t);
    boolean above = maxIncluded ? v > max : v >= max;
    if (v < min || above || Double.isInfinite(v)) {
      String range = max == Double.MAX_VALUE ? ">= " + ResolvedSettings.number(min)
          : "from " + ResolvedSettings.number(min) + (maxIncluded ? " to " : " to below ") + ResolvedSettings.number(max);
      throw new ValueException(Values.q(key) + " must be " + range + ", got " + Texts.quote(t));
    }
    return v;
  }

  /** OpenSLO's timeSliceWindow: a duration, or a bare number of minutes; a whole number of seconds here. */
  private static long windowSeconds(String text) throws ValueException {
    String t = text.strip();
    double seconds;
    if (NUMBER.matcher(t).matches()) {
      seconds = Double.parseDouble(t) * 60;
    } else {
      seconds = Quantities.duration("timeSliceWindow", t, Quantities.Bound.POSITIVE).toNanos() / 1e9;
    }
    if (seconds < 1 || seconds != Math.rint(seconds) || seconds > Integer.MAX_VALUE) {
      throw new ValueException("'timeSliceWindow' must be a whole number of seconds, at least 1s, got " + Texts.quote(t));
    }
    return (long) seconds;
  }
}
