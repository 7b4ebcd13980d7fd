package io.perftwin.scenarios.parse;

import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.infra.ServiceTime;
import io.perftwin.scenarios.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/** Binds {@code target:}: the built-in demo service, or a URL (loopback unless allowed otherwise). */
final class TargetBinder {
  static final List<String> KEYS = List.of("service", "demo", "url", "allowNonLoopback");
  static final List<String> SERVICES = List.of("demo");
  static final List<String> DEMO_KEYS = List.of("workers", "serviceTime", "pause", "endpoints");
  static final List<String> ENDPOINT_KEYS = List.of("path", "serviceTime", "errors", "downstream");
  static final List<String> ERRORS_KEYS = List.of("status", "rate");
  static final List<String> PAUSE_KEYS = List.of("after", "for");

  private final Values values;
  private final Problems problems;

  TargetBinder(Values values) {
    this.values = values;
    this.problems = values.problems();
  }

  /** The target, or {@code null} after reporting problems. */
  Target bind(YamlNode node, Mark anchor) {
    YamlMap map = values.map(node, "target");
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, anchor, "in 'target'", KEYS).reportUnknownKeys();
    YamlNode service = r.optional("service");
    YamlNode url = r.optional("url");
    YamlNode demo = r.optional("demo");
    YamlNode allow = r.optional("allowNonLoopback");
    boolean ok = true;
    if (service != null && url != null) {
      problems.add(r.keyMark("url"), "'target' has both 'service' and 'url'; keep one");
      return null;
    }
    if (service == null && url == null) {
      if (r.misspelt("service") || r.misspelt("url")) {
        return null;
      }
      problems.add(anchor, "missing required key 'service' or 'url' in 'target'", List.of("service", "url"), null);
      return null;
    }
    if (service != null) {
      if (allow != null) {
        problems.add(r.keyMark("allowNonLoopback"), "'allowNonLoopback' goes only with 'url'");
        ok = false;
      }
      String s = values.oneOf(service, "service", "service", SERVICES);
      DemoServiceConfig config = demo == null ? DemoServiceConfig.DEFAULT : demo(demo, r.keyMark("demo"));
      return ok && s != null && config != null ? new Target(config, null, false) : null;
    }
    if (demo != null) {
      problems.add(r.keyMark("demo"), "'demo' goes only with 'service: demo'");
      ok = false;
    }
    Boolean allowNonLoopback = allow == null ? Boolean.FALSE : values.bool(allow, "allowNonLoopback");
    URI uri = url(url, allowNonLoopback == null || allowNonLoopback);
    return ok && uri != null && allowNonLoopback != null ? new Target(null, uri, allowNonLoopback) : null;
  }

  DemoServiceConfig demo(YamlNode node, Mark anchor) {
    YamlMap map = values.map(node, "demo");
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(problems, map, anchor, "in 'target.demo'", DEMO_KEYS).reportUnknownKeys();
    DemoServiceConfig d = DemoServiceConfig.DEFAULT;
    boolean ok = true;
    YamlNode workers = r.optional("workers");
    if (workers != null) {
      Integer w = values.integer(workers, "workers", 1);
      ok &= w != null;
      d = w == null ? d : d.withWorkers(w);
    }
    YamlNode serviceTime = r.optional("serviceTime");
    if (serviceTime != null) {
      ServiceTime t = values.parse(serviceTime, "serviceTime", "constant(D), exponential(D) or a duration",
          text -> ServiceTimeParser.parse("serviceTime", text));
      ok &= t != null;
      d = t == null ? d : d.withServiceTime(t);
    }
    if (r.optional("endpoints") != null) {
      List<io.perftwin.infra.DemoEndpoint> endpoints = endpoints(r.optional("endpoints"));
      ok &= endpoints != null;
      if (endpoints != null) {
        try {
          d = d.withEndpoints(endpoints);
        } catch (IllegalArgumentException e) {
          problems.add(r.keyMark("endpoints"), "target.demo.endpoints: " + e.getMessage());
          ok = false;
        }
      }
    }
    YamlNode pause = r.optional("pause");
    if (pause != null) {
      YamlMap p = values.map(pause, "pause");
      if (p == null) {
        return null;
      }
      MapReader pr = new MapReader(problems, p, r.keyMark("pause"), "in 'target.demo.pause'", PAUSE_KEYS)
          .reportUnknownKeys();
      YamlNode afterNode = pr.required("after");
      YamlNode forNode = pr.required("for");
      Duration after = afterNode == null ? null : values.duration(afterNode, "after", Quantities.Bound.NON_NEGATIVE);
      Duration length = forNode == null ? null : values.duration(forNode, "for", Quantities.Bound.POSITIVE);
      ok &= after != null && length != null;
      d = after == null || length == null ? d : d.withPause(after, length);
    }
    return ok ? d : null;
  }

  /** {@code endpoints:} per-path service time, injected errors and a downstream call to a stub. */
  private List<io.perftwin.infra.DemoEndpoint> endpoints(YamlNode node) {
    YamlList list = values.list(node, "endpoints");
    if (list == null) {
      return null;
    }
    List<io.perftwin.infra.DemoEndpoint> out = new java.util.ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      YamlMap m = values.map(list.get(i), "endpoints." + i);
      if (m == null) {
        ok = false;
        continue;
      }
      MapReader r = new MapReader(problems, m, m.mark(), "in 'target.demo.endpoints." + i + "'", ENDPOINT_KEYS)
          .reportUnknownKeys();
      YamlNode pathNode = r.required("path");
      String path = pathNode == null ? null : values.string(pathNode, "path");
      ServiceTime t = null;
      if (r.optional("serviceTime") != null) {
        t = values.parse(r.optional("serviceTime"), "serviceTime", "constant(D), exponential(D), lognormal(…) or a duration",
            text -> ServiceTimeParser.parse("serviceTime", text));
        ok &= t != null;
      }
      Integer status = null;
      Double rate = null;
      if (r.optional("errors") != null) {
        YamlMap em = values.map(r.optional("errors"), "errors");
        if (em == null) {
          ok = false;
        } else {
          MapReader er = new MapReader(problems, em, r.keyMark("errors"), "in 'target.demo.endpoints." + i + ".errors'",
              ERRORS_KEYS).reportUnknownKeys();
          status = er.optional("status") == null ? Integer.valueOf(500) : values.integer(er.optional("status"), "status", 400, 599);
          YamlNode rateNode = er.required("rate");
          rate = rateNode == null ? null : values.percent(rateNode, "rate");
          ok &= status != null && rate != null;
        }
      }
      URI downstream = null;
      if (r.optional("downstream") != null) {
        String dsText = values.parse(r.optional("downstream"), "downstream",
            "'stub' or the name of a dependency node of environment.nodes", text -> {
              String name = text.strip();
              if (!name.matches("[a-z][a-z0-9]{0,14}")) {
                throw new ValueException("'downstream' must be 'stub' or a node name of environment.nodes, got "
                    + Texts.quote(name), List.of("stub"), null);
              }
              return name;
            });
        ok &= dsText != null;
        downstream = dsText == null ? null
            : dsText.equals("stub") ? io.perftwin.infra.DemoEndpoint.STUB : NodeDownstream.placeholder(dsText);
      }
      if (path == null || !ok) {
        ok = false;
        continue;
      }
      try {
        io.perftwin.infra.DemoEndpoint e = new io.perftwin.infra.DemoEndpoint(path, t, null, downstream);
        if (rate != null) {
          e = e.withErrors(status, rate);
        }
        out.add(e);
      } catch (IllegalArgumentException e) {
        problems.add(m.mark(), "target.demo.endpoints[" + i + "]: " + e.getMessage());
        ok = false;
      }
    }
    return ok ? out : null;
  }

  /**
   * @param allowNonLoopback whether a non-loopback host is allowed (true also when the flag itself
   *     is broken, so that only the flag is reported)
   */
  private URI url(YamlNode node, boolean allowNonLoopback) {
    YamlScalar s = values.scalar(node, "url", "a URL such as http://127.0.0.1:8080");
    if (s == null) {
      return null;
    }
    String text = s.value().strip();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      problems.add(s.mark(), "'url' is not a valid URL (" + e.getReason() + "), got " + Texts.quote(text));
      return null;
    }
    if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http")) {
      String hint = "https".equalsIgnoreCase(uri.getScheme()) ? "https is not supported yet" : null;
      problems.add(s.mark(), "'url' must be an http:// URL such as http://127.0.0.1:8080, got " + Texts.quote(text),
          List.of(), hint);
      return null;
    }
    if (uri.getHost() == null) {
      problems.add(s.mark(), "'url' has no host, got " + Texts.quote(text));
      return null;
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      problems.add(s.mark(), "'url' must not have a query or fragment; put them in the request paths, got "
          + Texts.quote(text));
      return null;
    }
    if (!allowNonLoopback && !Loopback.isLoopbackHost(uri.getHost())) {
      problems.add(s.mark(), "'url' host " + Texts.quote(uri.getHost())
              + " is not a loopback address (127.0.0.0/8, ::1, localhost)", List.of(),
          "to send load to another machine on purpose, add 'allowNonLoopback: true' to 'target'");
      return null;
    }
    return uri;
  }
}
