package io.perftwin.loadgen.gatling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perftwin.loadgen.ClosedUsers;
import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.Feeder;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.PoissonRate;
import io.perftwin.loadgen.RampRate;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.ResponseCheck;
import io.perftwin.loadgen.StepRate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * Writes a {@link LoadPlan} as the JSON that the child's {@code io.perftwin.gatling.PlanSimulation}
 * reads. Durations are whole milliseconds (Gatling's resolution); the steps of a {@link StepRate}
 * are written one by one, with the exact step boundaries of {@link StepRate#stepStartNanos}.
 */
public final class PlanFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanFile() {}

  /** The plan as JSON. */
  public static ObjectNode toJson(LoadPlan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("target", plan.target().toString());
    root.put("seed", plan.seed());
    root.put("requestTimeoutMillis", Math.max(1, plan.requestTimeout().toMillis()));
    ArrayNode phases = root.putArray("phases");
    for (Phase p : plan.phases()) {
      ObjectNode o = phases.addObject();
      o.put("name", p.name());
      o.put("warmup", p.warmup());
      o.put("durationMillis", p.duration().toMillis());
      if (p.shape() instanceof ConstantRate c) {
        o.put("kind", "constant").put("rate", c.ratePerSecond());
      } else if (p.shape() instanceof PoissonRate c) {
        o.put("kind", "poisson").put("rate", c.ratePerSecond());
      } else if (p.shape() instanceof RampRate r) {
        o.put("kind", "ramp").put("from", r.fromPerSecond()).put("to", r.toPerSecond());
      } else if (p.shape() instanceof StepRate s) {
        o.put("kind", "step");
        ArrayNode rates = o.putArray("stepRates");
        ArrayNode millis = o.putArray("stepMillis");
        for (int k = 0; k < s.steps(); k++) {
          rates.add(s.stepRatePerSecond(k));
          long from = s.stepStartNanos(p.duration(), k);
          long to = s.stepStartNanos(p.duration(), k + 1);
          millis.add(Math.max(1, Math.round((to - from) / 1e6)));
        }
      } else if (p.shape() instanceof ClosedUsers c) {
        o.put("kind", "closed").put("users", c.users()).put("thinkMillis", c.thinkTime().toMillis());
      } else {
        throw new IllegalArgumentException("phase '" + p.name() + "': the Gatling engine cannot run " + p.shape().describe());
      }
    }
    ArrayNode requests = root.putArray("requests");
    for (RequestTemplate r : plan.requests()) {
      ObjectNode o = requests.addObject();
      o.put("name", r.name());
      o.put("weight", r.weight());
      o.put("method", r.method());
      o.put("path", r.path());
      ArrayNode headers = o.putArray("headers");
      r.headers().forEach(h -> headers.addArray().add(h.name()).add(h.value()));
      if (r.body() != null) {
        o.put("body", r.body());
      }
      if (r.timeout() != null) {
        o.put("timeoutMillis", Math.max(1, r.timeout().toMillis()));
      }
      ArrayNode checks = o.putArray("checks");
      for (ResponseCheck c : r.effectiveChecks()) {
        if (c instanceof ResponseCheck.StatusIn st) {
          ArrayNode codes = checks.addObject().put("type", "status").putArray("codes");
          new TreeSet<>(st.statuses()).forEach(codes::add);
        } else if (c instanceof ResponseCheck.BodyContains b) {
          checks.addObject().put("type", "bodyContains").put("text", b.text());
        } else if (c instanceof ResponseCheck.JsonFieldEquals j) {
          checks.addObject().put("type", "json").put("pointer", j.jsonPointer()).put("expected", j.expected());
        }
      }
    }
    ArrayNode feeders = root.putArray("feeders");
    for (Feeder f : plan.feeders()) {
      ObjectNode o = feeders.addObject();
      o.put("name", f.name());
      o.put("strategy", f.strategy().key());
      ArrayNode cols = o.putArray("columns");
      f.columns().forEach(cols::add);
      ArrayNode rows = o.putArray("rows");
      f.rows().forEach(row -> {
        ArrayNode a = rows.addArray();
        row.forEach(a::add);
      });
    }
    return root;
  }

  /** Writes the plan to {@code file}. */
  public static void write(LoadPlan plan, Path file) {
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), toJson(plan));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
