package io.perftwin.gatling;

import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.perftwin.loadgen.ResponseCheck;
import io.perftwin.loadgen.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Gatling simulation built from a perftwin load plan, written as JSON by
 * {@code io.perftwin.loadgen.gatling.PlanFile} to the file named by the system property
 * {@value #PLAN_PROPERTY}. See docs/gatling.md for how each part of a plan maps to Gatling.
 *
 * <p>Each phase is one scenario named after the phase, and its requests are in a group named after
 * the phase, so that {@code simulation.log} tells which phase each request belongs to. Phases run
 * one after the other ({@code andThen}).
 */
public final class PlanSimulation extends Simulation {
  /** System property: path of the plan JSON file. */
  public static final String PLAN_PROPERTY = "perftwin.gatling.plan";
  /** Session attribute holding the index of the request picked from the mix. */
  private static final String PICK = "perftwinPick";
  /** Name Gatling gives the status check failures of plans, so that they map to {@code status}. */
  static final String STATUS_CHECK_NAME = "perftwin-status";
  /** Name Gatling gives the body checks of plans, so that they map to {@code checkFailed}. */
  static final String BODY_CHECK_NAME = "perftwin-check";

  public PlanSimulation() {
    String file = System.getProperty(PLAN_PROPERTY);
    if (file == null || file.isBlank()) {
      throw new IllegalStateException("system property " + PLAN_PROPERTY + " (the plan file) is not set");
    }
    JsonNode plan;
    try {
      plan = new ObjectMapper().readTree(Path.of(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plan " + file, e);
    }
    long seed = plan.path("seed").asLong();
    Duration planTimeout = Duration.ofMillis(plan.path("requestTimeoutMillis").asLong());

    List<FeederBuilder<Object>> feeders = new ArrayList<>();
    for (JsonNode f : plan.path("feeders")) {
      feeders.add(feeder(f, seed));
    }
    List<ChainBuilder> requests = new ArrayList<>();
    List<Integer> weights = new ArrayList<>();
    for (JsonNode r : plan.path("requests")) {
      requests.add(exec(request(r, planTimeout)));
      weights.add(r.path("weight").asInt());
    }
    ChainBuilder mix = mix(feeders, requests, weights);

    List<PopulationBuilder> populations = new ArrayList<>();
    for (JsonNode p : plan.path("phases")) {
      populations.add(phase(p, mix));
    }
    // Phases one after the other: p0.andThen(p1.andThen(p2 …)), built from the last.
    PopulationBuilder chained = populations.get(populations.size() - 1);
    for (int i = populations.size() - 2; i >= 0; i--) {
      chained = populations.get(i).andThen(chained);
    }
    setUp(chained).protocols(http.baseUrl(plan.path("target").asText()).shareConnections().disableWarmUp());
  }

  private static PopulationBuilder phase(JsonNode p, ChainBuilder mix) {
    String name = p.path("name").asText();
    Duration d = Duration.ofMillis(p.path("durationMillis").asLong());
    String kind = p.path("kind").asText();
    ChainBuilder inGroup = group(name).on(mix);
    if (kind.equals("closed")) {
      long thinkMillis = p.path("thinkMillis").asLong();
      ChainBuilder user = thinkMillis > 0 ? inGroup.exec(pause(Duration.ofMillis(thinkMillis))) : inGroup;
      ScenarioBuilder s = scenario(name).exec(user);
      return s.injectClosed(constantConcurrentUsers(p.path("users").asInt()).during(d));
    }
    ScenarioBuilder s = scenario(name).exec(inGroup);
    List<OpenInjectionStep> steps = new ArrayList<>();
    switch (kind) {
      case "constant" -> steps.add(constantUsersPerSec(p.path("rate").asDouble()).during(d));
      case "poisson" -> steps.add(constantUsersPerSec(p.path("rate").asDouble()).during(d).randomized());
      case "ramp" -> steps.add(rampUsersPerSec(p.path("from").asDouble()).to(p.path("to").asDouble()).during(d));
      case "step" -> {
        JsonNode rates = p.path("stepRates");
        JsonNode durations = p.path("stepMillis");
        for (int k = 0; k < rates.size(); k++) {
          double rate = rates.get(k).asDouble();
          Duration sd = Duration.ofMillis(durations.get(k).asLong());
          steps.add(rate > 0 ? constantUsersPerSec(rate).during(sd) : nothingFor(sd));
        }
      }
      default -> throw new IllegalArgumentException("phase '" + name + "': unknown kind '" + kind + "'");
    }
    return s.injectOpen(steps);
  }

  /** Feeds every feeder, picks a request by weight, runs it. */
  private static ChainBuilder mix(List<FeederBuilder<Object>> feeders, List<ChainBuilder> requests, List<Integer> weights) {
    int total = weights.stream().mapToInt(Integer::intValue).sum();
    int[] cumulative = new int[weights.size()];
    int sum = 0;
    for (int i = 0; i < weights.size(); i++) {
      sum += weights.get(i);
      cumulative[i] = sum;
    }
    ChainBuilder chain = exec(session -> session);
    for (FeederBuilder<Object> f : feeders) {
      chain = chain.feed(f);
    }
    if (requests.size() == 1) {
      return chain.exec(requests.get(0));
    }
    chain = chain.exec(session -> {
      int x = ThreadLocalRandom.current().nextInt(total);
      int i = 0;
      while (cumulative[i] <= x) {
        i++;
      }
      return session.set(PICK, i);
    });
    List<Choice.WithKey> cases = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      cases.add(onCase(i).then(requests.get(i)));
    }
    return chain.exec(doSwitch("#{" + PICK + "}").on(cases));
  }

  private static HttpRequestActionBuilder request(JsonNode r, Duration planTimeout) {
    String name = r.path("name").asText();
    Template path = Template.parse(r.path("path").asText());
    HttpRequestActionBuilder b = http(name).httpRequest(r.path("method").asText(), session -> render(path, session));
    for (JsonNode h : r.path("headers")) {
      Template value = Template.parse(h.get(1).asText());
      b = b.header(h.get(0).asText(), session -> render(value, session));
    }
    if (r.hasNonNull("body")) {
      Template body = Template.parse(r.path("body").asText());
      b = b.body(io.gatling.javaapi.core.CoreDsl.StringBody(session -> render(body, session)));
    }
    List<CheckBuilder> checks = new ArrayList<>();
    for (JsonNode c : r.path("checks")) {
      checks.add(check(c));
    }
    if (!checks.isEmpty()) {
      b = b.check(checks);
    }
    long timeoutMillis = r.path("timeoutMillis").asLong(0);
    return b.requestTimeout(timeoutMillis > 0 ? Duration.ofMillis(timeoutMillis) : planTimeout);
  }

  /** A perftwin check as a Gatling check; body checks apply perftwin's own test to the body. */
  private static CheckBuilder check(JsonNode c) {
    switch (c.path("type").asText()) {
      case "status" -> {
        List<Integer> codes = new ArrayList<>();
        c.path("codes").forEach(n -> codes.add(n.asInt()));
        return status().in(codes).name(STATUS_CHECK_NAME);
      }
      case "bodyContains" -> {
        ResponseCheck check = new ResponseCheck.BodyContains(c.path("text").asText());
        return bodyString().transform(body -> check.test(200, body)).is(true).name(BODY_CHECK_NAME);
      }
      case "json" -> {
        ResponseCheck check = new ResponseCheck.JsonFieldEquals(c.path("pointer").asText(), c.path("expected").asText());
        return bodyString().transform(body -> check.test(200, body)).is(true).name(BODY_CHECK_NAME);
      }
      default -> throw new IllegalArgumentException("unknown check type '" + c.path("type").asText() + "'");
    }
  }

  private static String render(Template t, Session session) {
    return t.render(var -> session.contains(var) ? session.getString(var) : null);
  }

  /** A feeder as a Gatling feeder: sequential and shuffle wrap around (shuffle pre-shuffled with the seed). */
  private static FeederBuilder<Object> feeder(JsonNode f, long seed) {
    List<String> columns = new ArrayList<>();
    f.path("columns").forEach(n -> columns.add(n.asText()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode row : f.path("rows")) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        m.put(columns.get(i), row.get(i).asText());
      }
      rows.add(m);
    }
    String strategy = f.path("strategy").asText();
    switch (strategy) {
      case "sequential" -> {
        return listFeeder(rows).circular();
      }
      case "random" -> {
        return listFeeder(rows).random();
      }
      case "shuffle" -> {
        SplittableRandom random = new SplittableRandom(seed ^ f.path("name").asText().hashCode());
        List<Map<String, Object>> shuffled = new ArrayList<>(rows);
        for (int i = shuffled.size() - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          Map<String, Object> t = shuffled.get(i);
          shuffled.set(i, shuffled.get(j));
          shuffled.set(j, t);
        }
        return listFeeder(shuffled).circular();
      }
      default -> throw new IllegalArgumentException("feeder '" + f.path("name").asText() + "': unknown strategy '" + strategy + "'");
    }
  }

}
