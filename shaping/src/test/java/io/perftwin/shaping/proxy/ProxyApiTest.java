package io.perftwin.shaping.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API's JSON shapes and status codes, toxiproxy's conventions. */
class ProxyApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ShapingProxy server;
  private TestServers.Server echo;

  @BeforeEach
  void start() throws Exception {
    server = ShapingProxy.start(ProxyServerOptions.defaults().withApi("127.0.0.1", 0));
    echo = TestServers.echo();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    echo.close();
  }

  @Test
  void proxyLifecycleAndShapes() throws Exception {
    Reply created = call("POST", "/proxies",
        "{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}");
    assertEquals(201, created.status);
    assertEquals("a", created.json.get("name").asText());
    assertTrue(created.json.get("enabled").asBoolean());
    assertTrue(created.json.get("toxics").isArray());
    assertEquals(409, call("POST", "/proxies",
        "{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}").status);

    Reply all = call("GET", "/proxies", null);
    assertEquals(200, all.status);
    assertEquals(created.json.get("listen"), all.json.get("a").get("listen"));

    Reply toxic = call("POST", "/proxies/a/toxics",
        "{\"type\":\"latency\",\"attributes\":{\"latency\":10,\"jitter\":2}}");
    assertEquals(200, toxic.status);
    assertEquals("latency_downstream", toxic.json.get("name").asText(), "default name is type_stream");
    assertEquals("downstream", toxic.json.get("stream").asText());
    assertEquals(1.0, toxic.json.get("toxicity").asDouble());
    assertEquals(10, toxic.json.get("attributes").get("latency").asInt());
    assertEquals("uniform", toxic.json.get("attributes").get("distribution").asText());
    assertEquals(409, call("POST", "/proxies/a/toxics", "{\"type\":\"latency\"}").status);

    Reply updated = call("POST", "/proxies/a/toxics/latency_downstream", "{\"attributes\":{\"latency\":30}}");
    assertEquals(200, updated.status);
    assertEquals(30, updated.json.get("attributes").get("latency").asInt());
    assertEquals(2, updated.json.get("attributes").get("jitter").asInt(), "attributes are merged");
    assertEquals(30, call("GET", "/proxies/a/toxics/latency_downstream", null).json.get("attributes").get("latency").asInt());
    assertEquals(1, call("GET", "/proxies/a/toxics", null).json.size());

    Reply disabled = call("POST", "/proxies/a", "{\"enabled\":false}");
    assertEquals(200, disabled.status);
    assertEquals(false, disabled.json.get("enabled").asBoolean());

    assertEquals(204, call("POST", "/reset", null).status);
    Reply afterReset = call("GET", "/proxies/a", null);
    assertTrue(afterReset.json.get("enabled").asBoolean(), "reset enables");
    assertEquals(0, afterReset.json.get("toxics").size(), "reset removes toxics");

    assertEquals(204, call("DELETE", "/proxies/a", null).status);
    assertEquals(404, call("GET", "/proxies/a", null).status);
  }

  @Test
  void populateCreatesAndKeeps() throws Exception {
    String body = "[{\"name\":\"p1\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"},"
        + "{\"name\":\"p2\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}]";
    Reply populated = call("POST", "/populate", body);
    assertEquals(201, populated.status);
    assertEquals(2, populated.json.get("proxies").size());
    assertEquals(2, call("GET", "/proxies", null).json.size());
    assertEquals(400, call("POST", "/populate", "{\"name\":\"x\"}").status);
  }

  @Test
  void errorsAreJsonWithStatus() throws Exception {
    Reply version = call("GET", "/version", null);
    assertEquals(200, version.status);
    assertTrue(version.json.get("version").asText().contains("perftwin"));

    Reply missing = call("GET", "/proxies/nope", null);
    assertEquals(404, missing.status);
    assertEquals("proxy not found", missing.json.get("error").asText());
    assertEquals(404, missing.json.get("status").asInt());
    assertEquals(404, call("DELETE", "/proxies/nope/toxics/x", null).status);
    assertEquals(404, call("POST", "/proxies/nope/toxics", "{\"type\":\"latency\"}").status);

    call("POST", "/proxies", "{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}");
    Reply noToxic = call("GET", "/proxies/a/toxics/x", null);
    assertEquals(404, noToxic.status);
    assertEquals("toxic not found", noToxic.json.get("error").asText());

    assertBad("/proxies", "{\"name\":\"b\",\"upstream\":\"" + echo.address() + "\"}", "listen");
    assertBad("/proxies", "{\"name\":\"b\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"nowhere\"}", "upstream");
    assertBad("/proxies", "{not json", "bad request body");
    assertBad("/proxies/a/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":-5}}", "attributes.latency must be >= 0");
    assertBad("/proxies/a/toxics", "{\"type\":\"teleport\"}", "type: unknown toxic type 'teleport'");
    assertBad("/proxies/a/toxics", "{\"type\":\"latency\",\"toxicity\":1.5}", "toxicity must be between 0 and 1, was 1.5");
    assertBad("/proxies/a/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}", "stream must be upstream or downstream");
    assertBad("/proxies/a/toxics", "{\"type\":\"latency\",\"attributes\":{\"distribution\":\"cauchy\"}}",
        "attributes.distribution must be one of uniform, normal, pareto, paretonormal");
    assertBad("/proxies/a/toxics", "{\"type\":\"bandwidth\",\"attributes\":{\"latency\":3}}",
        "attributes.latency is not an attribute of bandwidth; allowed: rate");
    assertEquals(0, call("GET", "/proxies/a/toxics", null).json.size(), "rejected toxics are not added");

    Reply occupied = call("POST", "/proxies",
        "{\"name\":\"c\",\"listen\":\"" + echo.address() + "\",\"upstream\":\"" + echo.address() + "\"}");
    assertEquals(500, occupied.status);
    assertTrue(occupied.json.get("error").asText().startsWith("listen: cannot open"), occupied.json.toString());
    assertEquals(404, call("GET", "/proxies/c", null).status, "a proxy that cannot listen is not kept");
  }

  private void assertBad(String path, String body, String expected) throws Exception {
    Reply reply = call("POST", path, body);
    assertEquals(400, reply.status, reply.json.toString());
    assertEquals(400, reply.json.get("status").asInt());
    assertTrue(reply.json.get("error").asText().contains(expected),
        "error '" + reply.json.get("error").asText() + "' should contain '" + expected + "'");
  }

  private record Reply(int status, JsonNode json) {}

  private Reply call(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    return new Reply(response.statusCode(), json);
  }
}
