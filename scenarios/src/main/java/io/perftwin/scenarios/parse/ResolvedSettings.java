package io.perftwin.scenarios.parse;

import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.loadgen.ClosedUsers;
import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.Feeder;
import io.perftwin.loadgen.LoadShape;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.PoissonRate;
import io.perftwin.loadgen.RampRate;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.ResponseCheck;
import io.perftwin.loadgen.StepRate;
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
 * {@code network} is an empty map when no knob is set; {@code load.feeders} is an empty list when
 * there are none; a request's {@code headers}, {@code body}, {@code check} and {@code timeout}
 * appear only when it sets them (a request without {@code timeout} has {@code load.timeout});
 * {@code sloFiles} appears only when the file sets it, and {@code slo} then includes the objectives
 * read from those files.
 */
public final class ResolvedSettings {
  private ResolvedSettings() {}

  public static Map<String, Object> of(String name, String description, Long seed, Target target,
      NetworkProfile network, LoadSpec load, List<Slo> slos) {
    return of(name, description, seed, target, network, load, slos, List.of());
  }

  /**
   * As {@link #of(String, String, Long, Target, NetworkProfile, LoadSpec, List)}; {@code slo}
   * lists every objective, those read from {@code sloFiles} included, and {@code sloFiles} (the
   * paths as written) appears when the file sets it.
   */
  public static Map<String, Object> of(String name, String description, Long seed, Target target,
      NetworkProfile network, LoadSpec load, List<Slo> slos, List<String> sloFiles) {
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
    if (!sloFiles.isEmpty()) {
      m.put("sloFiles", new ArrayList<Object>(sloFiles));
    }
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
      m.put("rate", io.perftwin.shaping.Units.bitRate(n.rateBitsPerSecond()));
    }
    List<String> other = new ArrayList<>(n.knobsSet());
    other.removeAll(List.of("delay", "jitter", "loss", "rate"));
    if (!other.isEmpty()) {
      m.put("otherKnobs", other);
    }
    if (n.approximate()) {
      m.put("approximate", true);
    }
    return m;
  }

  private static Map<String, Object> load(LoadSpec l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", l.engine());
    if (l.simulation() != null) {
      m.put("simulation", l.simulation());
      if (l.simulationSources() != null) {
        m.put("simulationSources", l.simulationSources().toString());
      }
    }
    m.put("protocol", l.protocol().key());
    m.put("connections", l.connections());
    m.put("timeout", Units.format(l.timeout()));
    m.put("maxScheduleLag", Units.format(l.maxScheduleLag()));
    List<Object> phases = new ArrayList<>();
    for (Phase p : l.phases()) {
      Map<String, Object> spec = new LinkedHashMap<>();
      shape(p.shape(), spec);
      spec.put("duration", Units.format(p.duration()));
      spec.put("warmup", p.warmup());
      Map<String, Object> phase = new LinkedHashMap<>();
      phase.put(p.name(), spec);
      phases.add(phase);
    }
    m.put("phases", phases);
    List<Object> feeders = new ArrayList<>();
    for (Feeder f : l.feeders()) {
      feeders.add(feeder(f, l.feederFiles().get(f.name())));
    }
    m.put("feeders", feeders);
    List<Object> requests = new ArrayList<>();
    for (RequestTemplate r : l.requests()) {
      requests.add(request(r));
    }
    m.put("requests", requests);
    return m;
  }

  /** The shape's key(s), as the file writes them. */
  private static void shape(LoadShape shape, Map<String, Object> spec) {
    if (shape instanceof ConstantRate c) {
      spec.put("constantRate", rate(c.ratePerSecond()));
    } else if (shape instanceof PoissonRate p) {
      spec.put("poissonRate", rate(p.ratePerSecond()));
    } else if (shape instanceof RampRate r) {
      Map<String, Object> ramp = new LinkedHashMap<>();
      ramp.put("from", rate(r.fromPerSecond()));
      ramp.put("to", rate(r.toPerSecond()));
      spec.put("rampRate", ramp);
    } else if (shape instanceof StepRate s) {
      Map<String, Object> steps = new LinkedHashMap<>();
      steps.put("from", rate(s.fromPerSecond()));
      steps.put("to", rate(s.toPerSecond()));
      steps.put("count", s.steps());
      spec.put("steps", steps);
    } else if (shape instanceof ClosedUsers u) {
      spec.put("users", u.users());
      spec.put("thinkTime", u.thinkTime().isZero() ? "0s" : Units.format(u.thinkTime()));
    } else {
      throw new IllegalStateException("no scenario spelling for " + shape.describe());
    }
  }

  private static String rate(double perSecond) {
    return number(perSecond) + "/s";
  }

  private static Map<String, Object> feeder(Feeder f, String csv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", f.name());
    if (csv != null) {
      m.put("csv", csv);
    } else {
      List<Object> rows = new ArrayList<>();
      for (List<String> row : f.rows()) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int c = 0; c < f.columns().size(); c++) {
          r.put(f.columns().get(c), row.get(c));
        }
        rows.add(r);
      }
      m.put("inline", rows);
    }
    m.put("strategy", f.strategy().key());
    return m;
  }

  private static Map<String, Object> request(RequestTemplate r) {
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
    if (!r.checks().isEmpty()) {
      Map<String, Object> check = new LinkedHashMap<>();
      for (ResponseCheck c : r.checks()) {
        if (c instanceof ResponseCheck.StatusIn s) {
          List<Object> codes = new ArrayList<>();
          s.codes().forEach(code -> codes.add(code.endsWith("xx") ? code : (Object) Integer.valueOf(code)));
          check.put("status", codes);
        } else if (c instanceof ResponseCheck.BodyContains b) {
          check.put("bodyContains", b.text());
        } else if (c instanceof ResponseCheck.JsonFieldEquals j) {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("pointer", j.jsonPointer());
          json.put("equals", j.expected());
          check.put("json", json);
        }
      }
      req.put("check", check);
    }
    if (r.timeout() != null) {
      req.put("timeout", Units.format(r.timeout()));
    }
    return req;
  }

  /** Up to 12 significant digits, no trailing zeros: {@code 0.1}, {@code 500}, {@code 0.000277777777778}. */
  static String number(double v) {
    return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
  }
}
