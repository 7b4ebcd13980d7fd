package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.ResponseCheck.BodyContains;
import io.perftwin.loadgen.ResponseCheck.JsonFieldEquals;
import io.perftwin.loadgen.ResponseCheck.StatusIn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseCheckTest {

  @Test
  void statusClassesAndCodes() {
    StatusIn twoXx = StatusIn.parse("2xx");
    assertTrue(twoXx.test(200, null));
    assertTrue(twoXx.test(299, null));
    assertFalse(twoXx.test(300, null));
    assertFalse(twoXx.test(199, null));
    StatusIn some = StatusIn.of(200, 201);
    assertTrue(some.test(201, "whatever"));
    assertFalse(some.test(204, "whatever"));
    assertFalse(some.test(-1, null));
    assertFalse(some.test(1000, null));
    assertEquals(StatusIn.of(404, 200), StatusIn.parse("200", " 404 "));
  }

  @Test
  void statusDescriptionsUseTheShortestSpelling() {
    assertEquals("status 200", StatusIn.of(200).describe());
    assertEquals("status in 200, 201", StatusIn.of(201, 200).describe());
    assertEquals("status in 2xx", StatusIn.parse("2xx").describe());
    assertEquals("status in 2xx, 404", StatusIn.parse("404", "2xx").describe());
    assertEquals(List.of("2xx", "3xx"), ResponseCheck.DEFAULT_STATUS.codes());
  }

  @Test
  void badStatuses() {
    assertEquals("'2xxx' is not a status code (100 to 599) or a class such as 2xx",
        assertThrows(IllegalArgumentException.class, () -> StatusIn.parse("2xxx")).getMessage());
    assertEquals("'6xx' is not a status code (100 to 599) or a class such as 2xx",
        assertThrows(IllegalArgumentException.class, () -> StatusIn.parse("6xx")).getMessage());
    assertEquals("status 99 is not in [100, 599]",
        assertThrows(IllegalArgumentException.class, () -> StatusIn.of(99)).getMessage());
    assertEquals("a status check needs one status at least",
        assertThrows(IllegalArgumentException.class, () -> StatusIn.of()).getMessage());
  }

  @Test
  void defaultStatusIsTwoOrThreeHundreds() {
    StatusIn d = ResponseCheck.DEFAULT_STATUS;
    assertTrue(d.test(200, null));
    assertTrue(d.test(302, null));
    assertFalse(d.test(404, null));
    assertFalse(d.test(500, null));
    assertFalse(d.test(101, null));
  }

  @Test
  void bodyContains() {
    BodyContains c = new BodyContains("\"ok\":true");
    assertTrue(c.test(200, "{\"ok\":true,\"method\":\"POST\"}"));
    assertFalse(c.test(200, "{\"ok\": true}"));
    assertFalse(c.test(200, null));
    assertEquals("body contains '\"ok\":true'", c.describe());
    assertThrows(IllegalArgumentException.class, () -> new BodyContains(""));
  }

  @Test
  void jsonFieldEqualsComparesTheValueAsText() {
    String body = "{\"ok\":true,\"method\":\"POST\",\"n\":42,\"x\":null,\"items\":[{\"id\":\"A-1\"}],\"o\":{\"a\":1}}";
    assertTrue(new JsonFieldEquals("/ok", "true").test(200, body));
    assertFalse(new JsonFieldEquals("/ok", "false").test(200, body));
    assertTrue(new JsonFieldEquals("/method", "POST").test(200, body));
    assertTrue(new JsonFieldEquals("/n", "42").test(200, body));
    assertTrue(new JsonFieldEquals("/x", "null").test(200, body));
    assertTrue(new JsonFieldEquals("/items/0/id", "A-1").test(200, body));
    assertTrue(new JsonFieldEquals("/o", "{\"a\":1}").test(200, body));
    assertFalse(new JsonFieldEquals("/missing", "null").test(200, body));
    assertFalse(new JsonFieldEquals("/items/5/id", "A-1").test(200, body));
    assertEquals("json /ok == 'true'", new JsonFieldEquals("/ok", "true").describe());
  }

  @Test
  void aBodyThatIsNotJsonFailsAndNeverThrows() {
    JsonFieldEquals c = new JsonFieldEquals("/ok", "true");
    for (String body : new String[] {"<html>oops</html>", "", "{\"ok\":true", "{\"ok\":true} trailing", "[".repeat(100_000), null}) {
      assertFalse(c.test(200, body), String.valueOf(body).substring(0, Math.min(20, String.valueOf(body).length())));
    }
  }

  @Test
  void aMalformedPointerIsRejectedAtConstruction() {
    assertThrows(IllegalArgumentException.class, () -> new JsonFieldEquals("ok", "true"));
  }

  @Test
  void kindsAndBodies() {
    assertEquals(ErrorKind.STATUS, StatusIn.of(200).errorKind());
    assertEquals(ErrorKind.CHECK_FAILED, new BodyContains("x").errorKind());
    assertEquals(ErrorKind.CHECK_FAILED, new JsonFieldEquals("/a", "1").errorKind());
    assertFalse(StatusIn.of(200).needsBody());
    assertTrue(new BodyContains("x").needsBody());
    assertEquals("checkFailed", ErrorKind.CHECK_FAILED.key());
  }
}
