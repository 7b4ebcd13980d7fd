package io.perftwin.shaping.proxy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perftwin.shaping.proxy.ProxyException;
import io.perftwin.shaping.proxy.ProxyInfo;
import io.perftwin.shaping.proxy.ToxicSpec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The toxiproxy-compatible HTTP API over a {@link ProxyRegistry}. Handlers run the registry calls
 * on a worker thread (they may open or close listeners), never on the event loop. Errors answer
 * {@code {"error": message, "status": code}} as toxiproxy does.
 */
public final class ApiServer {
  /** Reported by {@code GET /version}. */
  public static final String VERSION = "perftwin-proxy 0.1.0";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Vertx vertx;
  private final ProxyRegistry registry;
  private HttpServer server;

  public ApiServer(Vertx vertx, ProxyRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
  }

  /** Opens the API; returns the bound port. */
  public int start(String host, int port) {
    HttpServer created = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port));
    created.requestHandler(request -> request.body().onComplete(body -> {
      if (body.failed()) {
        request.response().setStatusCode(400).end();
        return;
      }
      vertx.<Reply>executeBlocking(() -> route(request.method(), request.path(), body.result()), true)
          .onComplete(ar -> {
            Reply reply = ar.succeeded() ? ar.result() : error(500, String.valueOf(ar.cause()));
            var response = request.response().setStatusCode(reply.status);
            if (reply.body == null) {
              response.end();
            } else {
              response.putHeader("Content-Type", "application/json").end(reply.body);
            }
          });
    }));
    server = created;
    try {
      return ProxyRuntime.await(created.listen()).actualPort();
    } catch (ProxyException e) {
      throw new ProxyException(500, "api: cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  public void stop() {
    if (server != null) {
      try {
        ProxyRuntime.await(server.close());
      } catch (ProxyException ignored) {
        // closing anyway
      }
      server = null;
    }
  }

  private record Reply(int status, String body) {}

  Reply route(HttpMethod method, String path, Buffer body) {
    try {
      List<String> parts = new ArrayList<>();
      for (String p : path.split("/")) {
        if (!p.isEmpty()) {
          parts.add(URLDecoder.decode(p, StandardCharsets.UTF_8));
        }
      }
      return dispatch(method, parts, body);
    } catch (ProxyException e) {
      return error(e.status(), e.getMessage());
    } catch (JsonProcessingException e) {
      return error(400, "bad request body: " + e.getOriginalMessage());
    }
  }

  private Reply dispatch(HttpMethod method, List<String> p, Buffer body) throws JsonProcessingException {
    int n = p.size();
    if (n == 1 && p.get(0).equals("version") && method == HttpMethod.GET) {
      return ok(200, JSON.createObjectNode().put("version", VERSION));
    }
    if (n == 1 && p.get(0).equals("reset") && method == HttpMethod.POST) {
      registry.reset();
      return new Reply(204, null);
    }
    if (n == 1 && p.get(0).equals("populate") && method == HttpMethod.POST) {
      JsonNode root = parse(body);
      if (!root.isArray()) {
        throw new ProxyException(400, "bad request body: populate takes a JSON array of proxies");
      }
      List<ProxyInfo> wanted = new ArrayList<>();
      for (JsonNode node : root) {
        wanted.add(new ProxyInfo(text(node, "name", true), text(node, "listen", true), text(node, "upstream", true),
            !node.has("enabled") || node.get("enabled").asBoolean(), List.of()));
      }
      ArrayNode out = JSON.createArrayNode();
      registry.populate(wanted).forEach(info -> out.add(proxyJson(info)));
      ObjectNode result = JSON.createObjectNode();
      result.set("proxies", out);
      return ok(201, result);
    }
    if (n >= 1 && p.get(0).equals("proxies")) {
      if (n == 1) {
        if (method == HttpMethod.GET) {
          ObjectNode all = JSON.createObjectNode();
          registry.list().forEach(info -> all.set(info.name(), proxyJson(info)));
          return ok(200, all);
        }
        if (method == HttpMethod.POST) {
          JsonNode node = object(body);
          ProxyInfo info = registry.create(text(node, "name", true), text(node, "listen", true),
              text(node, "upstream", true), !node.has("enabled") || node.get("enabled").asBoolean());
          return ok(201, proxyJson(info));
        }
        return notAllowed();
      }
      String proxy = p.get(1);
      if (n == 2) {
        if (method == HttpMethod.GET) {
          return ok(200, proxyJson(registry.get(proxy)));
        }
        if (method == HttpMethod.POST || method == HttpMethod.PATCH) {
          JsonNode node = object(body);
          Boolean enabled = node.has("enabled") ? node.get("enabled").asBoolean() : null;
          return ok(200, proxyJson(registry.update(proxy, text(node, "listen", false), text(node, "upstream", false),
              enabled)));
        }
        if (method == HttpMethod.DELETE) {
          registry.delete(proxy);
          return new Reply(204, null);
        }
        return notAllowed();
      }
      if (p.get(2).equals("toxics")) {
        if (n == 3) {
          if (method == HttpMethod.GET) {
            ArrayNode out = JSON.createArrayNode();
            registry.toxics(proxy).forEach(t -> out.add(toxicJson(t)));
            return ok(200, out);
          }
          if (method == HttpMethod.POST) {
            registry.get(proxy);
            JsonNode node = object(body);
            ToxicSpec spec = new ToxicSpec(text(node, "name", false), text(node, "type", false),
                text(node, "stream", false), toxicity(node, 1.0), attributes(node));
            return ok(200, toxicJson(registry.addToxic(proxy, spec)));
          }
          return notAllowed();
        }
        if (n == 4) {
          String toxic = p.get(3);
          if (method == HttpMethod.GET) {
            return ok(200, toxicJson(registry.toxic(proxy, toxic)));
          }
          if (method == HttpMethod.POST || method == HttpMethod.PATCH) {
            JsonNode node = object(body);
            Double toxicity = node.has("toxicity") ? toxicity(node, 1.0) : null;
            Map<String, Object> attributes = node.has("attributes") ? attributes(node) : null;
            return ok(200, toxicJson(registry.updateToxic(proxy, toxic, toxicity, text(node, "stream", false),
                attributes)));
          }
          if (method == HttpMethod.DELETE) {
            registry.removeToxic(proxy, toxic);
            return new Reply(204, null);
          }
          return notAllowed();
        }
      }
    }
    return error(404, "not found");
  }

  private static JsonNode parse(Buffer body) throws JsonProcessingException {
    String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new ProxyException(400, "bad request body: empty, expected JSON");
    }
    return JSON.readTree(text);
  }

  private static JsonNode object(Buffer body) throws JsonProcessingException {
    JsonNode node = parse(body);
    if (!node.isObject()) {
      throw new ProxyException(400, "bad request body: expected a JSON object");
    }
    return node;
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new ProxyException(400, "missing required field: " + field);
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new ProxyException(400, field + " must be a string, was " + value);
    }
    return value.asText();
  }

  private static double toxicity(JsonNode node, double otherwise) {
    JsonNode value = node.get("toxicity");
    if (value == null || value.isNull()) {
      return otherwise;
    }
    if (!value.isNumber()) {
      throw new ProxyException(400, "toxicity must be a number between 0 and 1, was " + value);
    }
    return value.asDouble();
  }

  private static Map<String, Object> attributes(JsonNode node) {
    JsonNode value = node.get("attributes");
    Map<String, Object> map = new LinkedHashMap<>();
    if (value == null || value.isNull()) {
      return map;
    }
    if (!value.isObject()) {
      throw new ProxyException(400, "attributes must be a JSON object, was " + value);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      map.put(e.getKey(), v.isNumber() ? v.numberValue() : v.isTextual() ? v.asText() : v.toString());
    }
    return map;
  }

  static ObjectNode proxyJson(ProxyInfo info) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", info.name());
    node.put("listen", info.listen());
    node.put("upstream", info.upstream());
    node.put("enabled", info.enabled());
    ArrayNode toxics = node.putArray("toxics");
    info.toxics().forEach(t -> toxics.add(toxicJson(t)));
    return node;
  }

  static ObjectNode toxicJson(ToxicSpec t) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", t.name());
    node.put("type", t.type());
    node.put("stream", t.stream());
    node.put("toxicity", t.toxicity());
    node.set("attributes", JSON.valueToTree(t.attributes()));
    return node;
  }

  private static Reply ok(int status, JsonNode body) {
    return new Reply(status, body.toString());
  }

  private static Reply notAllowed() {
    return error(405, "method not allowed");
  }

  private static Reply error(int status, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("error", message);
    node.put("status", status);
    return new Reply(status, node.toString());
  }
}
