package io.perftwin.scenarios.parse;

import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.Units;
import io.perftwin.reports.Slo;
import io.perftwin.scenarios.LoadSpec;
import io.perftwin.scenarios.Target;
import io.perftwin.shaping.NetworkProfile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved settings of a scenario as a plain tree ({@link LinkedHashMap}s, {@link List}s,
 * strings, numbers, booleans) in scenario-file spelling, defaults filled in: what {@code run.json}
 * records. Quantities are strings with units ({@code "500/s"}, {@code "30s"}, {@code "0.1%"},
 * {@code "100mbit"}). {@code seed} and {@code description} appear only when the file sets them;
 * {@code network} is an empty map when no knob is set.
 */
public final class ResolvedSettings {
  private ResolvedSettings() {}

  public static Map<String, Object> of(String name, String description, Long seed, Target target,
      NetworkProfile network, LoadSpec load, List<Slo> slos) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    if (description != null) {
      m.put("description", description);
    }
    if (seed != null) {
      m.put("seed", seed);
    }
    m.put("target", target(target));
    m.put("network", network(network));
    m.put("load", load(load));
    List<Object> objectives = new ArrayList<>();
    slos.forEach(s -> objectives.add(s.text()));
    m.put("slo", objectives);
    return m;
  }

  private static Map<String, Object> target(Target t) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (t.isDemo()) {
      DemoServiceConfig d = t.demo();
      m.put("service", "demo");
      Map<String, Object> demo = new LinkedHashMap<>();
      demo.put("workers", d.workers());
      demo.put("serviceTime", ServiceTimeParser.format(d.serviceTime()));
      if (d.pauseAfter() != null) {
        Map<String, Object> pause = new LinkedHashMap<>();
        pause.put("after", Units.format(d.pauseAfter()));
        pause.put("for", Units.format(d.pauseFor()));
        demo.put("pause", pause);
      }
      m.put("demo", demo);
    } else {
      m.put("url", t.url().toString());
      m.put("allowNonLoopback", t.allowNonLoopback());
    }
    return m;
  }

  private static Map<String, Object> network(NetworkProfile n) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (n.delay() != null) {
      m.put("delay", Units.format(n.delay()));
    }
    if (n.jitter() != null) {
      m.put("jitter", Units.format(n.jitter()));
    }
    if (n.lossRatio() != null) {
      m.put("loss", number(n.lossRatio() * 100) + "%");
    }
    if (n.rateBitsPerSecond() != null) {
      m.put("rate", bitRate(n.rateBitsPerSecond()));
    }
    return m;
  }

  private static Map<String, Object> load(LoadSpec l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", l.engine());
    m.put("connections", l.connections());
    m.put("timeout", Units.format(l.timeout()));
    m.put("maxScheduleLag", Units.format(l.maxScheduleLag()));
    List<Object> phases = new ArrayList<>();
    for (Phase p : l.phases()) {
      Map<String, Object> spec = new LinkedHashMap<>();
      if (p.shape() instanceof ConstantRate c) {
        spec.put("constantRate", number(c.ratePerSecond()) + "/s");
      }
      spec.put("duration", Units.format(p.duration()));
      spec.put("warmup", p.warmup());
      Map<String, Object> phase = new LinkedHashMap<>();
      phase.put(p.name(), spec);
      phases.add(phase);
    }
    m.put("phases", phases);
    List<Object> requests = new ArrayList<>();
    for (RequestTemplate r : l.requests()) {
      Map<String, Object> req = new LinkedHashMap<>();
      req.put("name", r.name());
      req.put("weight", r.weight());
      req.put(r.method(), r.path());
      if (!r.headers().isEmpty()) {
        Map<String, Object> headers = new LinkedHashMap<>();
        r.headers().forEach(h -> headers.put(h.name(), h.value()));
        req.put("headers", headers);
      }
      if (r.body() != null) {
        req.put("body", r.body());
      }
      requests.add(req);
    }
    m.put("requests", requests);
    return m;
  }

  /** Up to 12 significant digits, no trailing zeros: {@code 0.1}, {@code 500}, {@code 0.000277777777778}. */
  static String number(double v) {
    return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
  }

  /** The largest of gbit, mbit, kbit, bit that writes the rate exactly: {@code 100mbit}. */
  static String bitRate(long bitsPerSecond) {
    if (bitsPerSecond % 1_000_000_000L == 0) {
      return bitsPerSecond / 1_000_000_000L + "gbit";
    }
    if (bitsPerSecond % 1_000_000L == 0) {
      return bitsPerSecond / 1_000_000L + "mbit";
    }
    if (bitsPerSecond % 1_000L == 0) {
      return bitsPerSecond / 1_000L + "kbit";
    }
    return bitsPerSecond + "bit";
  }
}
