package io.perftwin.scenarios.parse;

import io.perftwin.loadgen.ResponseCheck;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.Template;
import io.perftwin.loadgen.TemplateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds {@code load.requests:}, the weighted request mix. Paths, header values and bodies are
 * templates: each {@code ${variable}} must be a column of a feeder.
 */
final class RequestBinder {
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  static final List<String> KEYS;

  static {
    List<String> keys = new ArrayList<>(List.of("name", "weight"));
    keys.addAll(METHODS);
    keys.addAll(List.of("headers", "body", "check", "timeout"));
    KEYS = List.copyOf(keys);
  }

  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final String METHOD_HINT = "write the method as the key and the path as its value, e.g. 'GET: /home'";

  private final Values values;
  private final Problems problems;
  private final Set<String> variables;
  private final List<String> names = new ArrayList<>();
  private boolean allNamesRead = true;

  /**
   * @param variables the variables the feeders provide, or {@code null} if they are not known
   *     (a feeder could not be read): then templates are checked for their syntax only
   */
  RequestBinder(Values values, Set<String> variables) {
    this.values = values;
    this.problems = values.problems();
    this.variables = variables;
  }

  /** The request names read, or {@code null} if some could not be read. */
  List<String> names() {
    return allNamesRead ? List.copyOf(names) : null;
  }

  List<RequestTemplate> bind(YamlNode node, Mark anchor) {
    YamlList list = values.list(node, "requests");
    if (list == null) {
      allNamesRead = false;
      return null;
    }
    if (list.size() == 0) {
      problems.add(anchor, "'requests' must have at least one request", List.of(), "e.g. '- {name: home, GET: /}'");
      allNamesRead = false;
      return null;
    }
    List<RequestTemplate> requests = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      RequestTemplate t = request(list.get(i), "load.requests." + i, seen);
      ok &= t != null;
      if (t != null) {
        requests.add(t);
      }
    }
    return ok ? requests : null;
  }

  private RequestTemplate request(YamlNode item, String path, Map<String, Mark> seen) {
    YamlMap map = values.map(item, path);
    if (map == null) {
      allNamesRead = false;
      return null;
    }
    boolean ok = true;
    String name = null;
    YamlNode nameNode = map.get("name");
    if (nameNode != null) {
      name = values.string(nameNode, "name");
      if (name != null && !name(name, nameNode.mark(), seen)) {
        name = null;
      }
    }
    String where = name != null ? "in request " + Texts.quote(name) : "in " + Texts.quote(path);
    MapReader r = new MapReader(problems, map, item.mark(), where, KEYS)
        .hint("method", METHOD_HINT).hint("path", METHOD_HINT).hint("url", METHOD_HINT).hint("uri", METHOD_HINT)
        .reportUnknownKeys();
    r.required("name");
    if (name == null) {
      allNamesRead = false;
      ok = false;
    }

    int weight = 1;
    if (r.optional("weight") != null) {
      Integer w = values.integer(r.optional("weight"), "weight", 1);
      ok &= w != null;
      weight = w == null ? 1 : w;
    }

    List<String> methods = METHODS.stream().filter(map::has).toList();
    String method = null;
    String target = null;
    if (methods.isEmpty()) {
      boolean misspelt = map.entries().stream()
          .anyMatch(e -> !KEYS.contains(e.key().value()) && DidYouMean.closest(e.key().value(), METHODS) != null);
      if (!misspelt) { // a misspelt method key is reported as an unknown key, with its suggestion
        problems.add(item.mark(), "missing method " + where, METHODS, METHOD_HINT);
      }
      ok = false;
    } else if (methods.size() > 1) {
      problems.add(r.keyMark(methods.get(1)), (name != null ? "request " + Texts.quote(name) : Texts.quote(path))
          + " has more than one method: " + Texts.quotedList(methods) + "; make one request per method");
      ok = false;
    } else {
      method = methods.get(0);
      target = path(r.optional(method), method);
      ok &= target != null;
    }

    List<RequestTemplate.Header> headers = new ArrayList<>();
    if (r.optional("headers") != null) {
      ok &= headers(r.optional("headers"), headers);
    }
    String body = null;
    YamlNode bodyNode = r.optional("body");
    if (bodyNode != null) {
      if (bodyNode instanceof YamlMap || bodyNode instanceof YamlList) {
        problems.add(bodyNode.mark(), "'body' must be a string, got " + bodyNode.describe(), List.of(),
            "write a JSON body as a quoted string, e.g. body: '{\"sku\": 42}'");
        ok = false;
      } else {
        body = values.string(bodyNode, "body");
        ok &= body != null && template((YamlScalar) bodyNode, 0, "'body'");
      }
    }
    List<ResponseCheck> checks = List.of();
    if (r.optional("check") != null) {
      checks = new CheckBinder(values).bind(r.optional("check"), r.keyMark("check"), name);
      ok &= checks != null;
    }
    Duration timeout = null;
    if (r.optional("timeout") != null) {
      timeout = values.duration(r.optional("timeout"), "timeout", Quantities.Bound.POSITIVE);
      ok &= timeout != null;
    }
    return ok ? new RequestTemplate(name, weight, method, target, headers, body, checks, timeout) : null;
  }

  private boolean name(String name, Mark at, Map<String, Mark> seen) {
    if (!RequestTemplate.NAME.matcher(name).matches()) {
      String why = name.contains(".") ? " (no dots: SLOs use them to separate the request from the metric)" : "";
      String fixed = name.replaceAll("[^A-Za-z0-9_-]+", "-");
      String hint = RequestTemplate.NAME.matcher(fixed).matches() ? "did you mean '" + fixed + "'?" : null;
      problems.add(at, "request name must be 1 to 64 letters, digits, '_' or '-'" + why + ", got " + Texts.quote(name),
          List.of(), hint);
      return false;
    }
    if (RequestTemplate.RESERVED_NAMES.contains(name)) {
      problems.add(at, "request name " + Texts.quote(name) + " is reserved (reserved: "
          + String.join(", ", RequestTemplate.RESERVED_NAMES) + ")");
      return false;
    }
    if (seen.containsKey(name)) {
      problems.add(at, "duplicate request name " + Texts.quote(name) + " (first " + LoadBinder.where(seen.get(name)) + ")");
      return false;
    }
    seen.put(name, at);
    names.add(name);
    return true;
  }

  private String path(YamlNode node, String method) {
    YamlScalar s = values.scalar(node, method, "a path starting with '/'");
    if (s == null) {
      return null;
    }
    String p = s.value().strip();
    if (p.startsWith("http://") || p.startsWith("https://")) {
      problems.add(s.mark(), Texts.quote(method) + " takes a path starting with '/', got a URL " + Texts.quote(p),
          List.of(), "the host comes from 'target'; write only the path, e.g. '" + method + ": /home'");
      return null;
    }
    if (!p.startsWith("/")) {
      problems.add(s.mark(), Texts.quote(method) + " path must start with '/', got " + Texts.quote(p), List.of(),
          "did you mean '/" + p + "'?");
      return null;
    }
    if (p.chars().anyMatch(Character::isWhitespace)) {
      problems.add(s.mark(), Texts.quote(method) + " path must not contain spaces (write them as %20), got " + Texts.quote(p));
      return null;
    }
    return template(s, s.value().indexOf(p), "the " + Texts.quote(method) + " path") ? p : null;
  }

  private boolean headers(YamlNode node, List<RequestTemplate.Header> out) {
    YamlMap map = values.map(node, "headers");
    if (map == null) {
      return false;
    }
    boolean ok = true;
    for (YamlMap.Entry e : map.entries()) {
      String name = e.key().value();
      if (!HEADER_NAME.matcher(name).matches()) {
        problems.add(e.key().mark(), "header name " + Texts.quote(name) + " may only contain letters, digits and !#$%&'*+.^_`|~-");
        ok = false;
        continue;
      }
      YamlScalar v = values.scalar(e.value(), name, "a string");
      if (v == null || !template(v, 0, "header " + Texts.quote(name))) {
        ok = false;
        continue;
      }
      out.add(new RequestTemplate.Header(name, v.value()));
    }
    return ok;
  }

  /**
   * Checks the {@code ${...}} placeholders of a template: syntax, and that a feeder provides each
   * variable; a problem is marked at the placeholder inside the string where the file allows.
   *
   * @param offset where the template's text starts within the scalar's value
   * @param where how the message names the value: {@code 'body'}, {@code header 'X-Id'}
   */
  private boolean template(YamlScalar s, int offset, String where) {
    String text = s.value().substring(Math.max(0, offset));
    try {
      if (variables == null) {
        Template.parse(text);
      } else {
        Template.compile(text, variables);
      }
      return true;
    } catch (TemplateException e) {
      Mark at = problems.markInside(s, Math.max(0, offset) + e.column() - 1, e.length());
      if (e.variable() == null) {
        problems.add(at, e.problem() + " in " + where, List.of(), e.suggestion());
      } else if (variables.isEmpty()) {
        problems.add(at, e.problem() + " in " + where + ": no feeder is defined", List.of(),
            "add a feeder with a column " + Texts.quote(e.variable()) + " under 'load.feeders', or write '$${"
                + e.variable() + "}' for a literal '${" + e.variable() + "}'");
      } else {
        List<String> known = variables.stream().sorted().toList();
        problems.add(at, e.problem() + " in " + where + ": no feeder has this column", known,
            DidYouMean.hint(e.variable(), known));
      }
      return false;
    }
  }
}
