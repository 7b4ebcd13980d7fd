package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.perftwin.loadgen.ResponseCheck.BodyContains;
import io.perftwin.loadgen.ResponseCheck.StatusIn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {
  private static final List<Phase> PHASES = List.of(new Phase("steady", Duration.ofSeconds(1), new ConstantRate(10), false));
  private static final Feeder SKUS = new Feeder("skus", List.of("sku", "qty"), List.of(List.of("A-1", "2")), Feeder.Strategy.SEQUENTIAL);

  private static RequestTemplate checkout(String path, String header, String body) {
    return new RequestTemplate("checkout", 1, "POST", path, List.of(new RequestTemplate.Header("X-Sku", header)), body);
  }

  private static LoadPlan plan(List<Feeder> feeders, RequestTemplate... requests) {
    return new LoadPlan(URI.create("http://127.0.0.1:8080"), 4, 2, PHASES, List.of(requests), 1,
        Duration.ofSeconds(10), Duration.ofMillis(10), feeders, Protocol.H2C);
  }

  @Test
  void theOldConstructorHasNoChecksAndThePlansTimeout() {
    RequestTemplate r = new RequestTemplate("home", 1, "GET", "/", List.of(), null);
    assertEquals(List.of(), r.checks());
    assertNull(r.timeout());
    assertEquals(List.of(ResponseCheck.DEFAULT_STATUS), r.effectiveChecks());
    assertEquals(Duration.ofSeconds(3), r.timeoutOr(Duration.ofSeconds(3)));
  }

  @Test
  void placeholdersAreAllowedAndTheirVariablesListed() {
    RequestTemplate r = checkout("/cart/${sku}", "${qty}-${sku}", "{\"sku\": \"${sku}\", \"n\": ${n}}");
    assertEquals(Set.of("sku", "qty", "n"), r.variables());
    assertEquals(List.of("sku", "qty", "n"), List.copyOf(r.variables()));
  }

  @Test
  void malformedPlaceholdersAreRejectedNamingTheRequestAndThePart() {
    assertEquals("request 'checkout': body: unclosed '${' at column 10; write '}' after the variable name, or '$$' for a literal '$'",
        assertThrows(IllegalArgumentException.class, () -> checkout("/", "x", "{\"sku\": \"${sku\"}")).getMessage());
    assertEquals("request 'checkout': header 'X-Sku': empty variable name '${}' at column 1; write a variable name between the braces,"
            + " or '$${}' for a literal '${}'",
        assertThrows(IllegalArgumentException.class, () -> checkout("/", "${}", null)).getMessage());
    assertEquals("request 'checkout': path: unclosed '${' at column 7; write '}' after the variable name, or '$$' for a literal '$'",
        assertThrows(IllegalArgumentException.class, () -> checkout("/cart/${sku", "x", null)).getMessage());
  }

  @Test
  void checksAndTimeout() {
    RequestTemplate r = new RequestTemplate("r", 1, "GET", "/", List.of(), null,
        List.of(new BodyContains("ok"), StatusIn.of(404)), Duration.ofMillis(500));
    assertEquals(List.of(StatusIn.of(404), new BodyContains("ok")), r.effectiveChecks(), "status first, no default");
    RequestTemplate bodyOnly = new RequestTemplate("r", 1, "GET", "/", List.of(), null, List.of(new BodyContains("ok")), null);
    assertEquals(List.of(ResponseCheck.DEFAULT_STATUS, new BodyContains("ok")), bodyOnly.effectiveChecks());
    assertEquals(Duration.ofMillis(500), r.timeoutOr(Duration.ofSeconds(10)));
    assertEquals("request 'r': timeout must be > 0, was PT0S",
        assertThrows(IllegalArgumentException.class,
            () -> new RequestTemplate("r", 1, "GET", "/", List.of(), null, List.of(), Duration.ZERO)).getMessage());
  }

  @Test
  void thePlanChecksThatAFeederProvidesEveryVariable() {
    LoadPlan ok = plan(List.of(SKUS), checkout("/cart/${sku}", "${qty}", "{}"));
    assertSame(SKUS, ok.feederOf("qty"));
    assertNull(ok.feederOf("price"));
    assertEquals(Protocol.H2C, ok.protocol());
    assertEquals("request 'checkout': body: unknown variable 'skuu' at column 10; known variables: qty, sku; did you mean 'sku'?",
        assertThrows(IllegalArgumentException.class, () -> plan(List.of(SKUS), checkout("/", "x", "{\"sku\": \"${skuu}\"}")))
            .getMessage());
    assertEquals("request 'checkout': header 'X-Sku': unknown variable 'sku' at column 1; there are no variables;"
            + " write '$${sku}' for a literal '${sku}' (no feeder provides any)",
        assertThrows(IllegalArgumentException.class, () -> plan(List.of(), checkout("/", "${sku}", null))).getMessage());
  }

  @Test
  void feederNamesAndColumnsAreUnique() {
    Feeder again = new Feeder("skus", List.of("other"), List.of(List.of("x")), Feeder.Strategy.RANDOM);
    assertEquals("duplicate feeder name 'skus'",
        assertThrows(IllegalArgumentException.class, () -> plan(List.of(SKUS, again), checkout("/", "x", null))).getMessage());
    Feeder sameColumn = new Feeder("prices", List.of("price", "sku"), List.of(List.of("1", "A")), Feeder.Strategy.RANDOM);
    assertEquals("column 'sku' is in feeders 'skus' and 'prices'; a variable must come from one feeder, rename one of the columns",
        assertThrows(IllegalArgumentException.class, () -> plan(List.of(SKUS, sameColumn), checkout("/", "x", null))).getMessage());
  }

  @Test
  void theOldPlanConstructorHasNoFeedersAndSpeaksHttp1() {
    LoadPlan p = new LoadPlan(URI.create("http://127.0.0.1:8080"), 4, 2, PHASES,
        List.of(new RequestTemplate("home", 1, "GET", "/", List.of(), null)), 1, Duration.ofSeconds(10), Duration.ofMillis(10));
    assertEquals(List.of(), p.feeders());
    assertEquals(Protocol.HTTP1, p.protocol());
  }
}
