package io.perftwin.scenarios.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.shaping.ProxyToxic;
import io.perftwin.shaping.proxy.ProxyInfo;
import io.perftwin.shaping.proxy.ProxyServerOptions;
import io.perftwin.shaping.proxy.ShapingProxy;
import io.perftwin.shaping.proxy.ToxicSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shaping proxy in front of the target, in the process that sends the load (the runner on
 * loopback, each agent in the namespaces environment): the engine sends to the proxy on
 * 127.0.0.1, which forwards to the target through the toxics the shaping plan gave it. Its API is
 * not served (port 0 on 127.0.0.1 only). Closing it closes every proxied connection.
 */
final class ProxyFront implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ShapingProxy proxy;
  private final URI front;

  private ProxyFront(ShapingProxy proxy, URI front) {
    this.proxy = proxy;
    this.front = front;
  }

  /** Starts a proxy to {@code target} with {@code toxics}; the engine sends to {@link #front()}. */
  static ProxyFront start(URI target, List<ToxicSpec> toxics, long seed) {
    ShapingProxy proxy = ShapingProxy.start(ProxyServerOptions.defaults().withApi("127.0.0.1", 0).withSeed(seed));
    try {
      int port = target.getPort() > 0 ? target.getPort() : 80;
      ProxyInfo info = proxy.createProxy("target", "127.0.0.1:0", target.getHost() + ":" + port);
      for (ToxicSpec t : toxics) {
        proxy.addToxic("target", t);
      }
      return new ProxyFront(proxy, URI.create("http://127.0.0.1:" + info.listenPort()));
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    }
  }

  URI front() {
    return front;
  }

  static List<ToxicSpec> toSpecs(List<ProxyToxic> toxics) {
    List<ToxicSpec> specs = new ArrayList<>();
    for (ProxyToxic t : toxics) {
      specs.add(new ToxicSpec(t.name(), t.type(), t.stream(), t.toxicity(), t.attributes()));
    }
    return specs;
  }

  /** Writes the toxics for agents ({@code twin agent --proxy-toxics FILE}). */
  static void write(Path file, List<ProxyToxic> toxics) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (ProxyToxic t : toxics) {
      list.add(t.toJson());
    }
    try {
      Files.createDirectories(file.getParent());
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), list);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Reads what {@link #write} wrote. */
  static List<ToxicSpec> read(Path file) {
    try {
      List<Map<String, Object>> list = JSON.readValue(file.toFile(), new TypeReference<List<Map<String, Object>>>() {});
      List<ToxicSpec> specs = new ArrayList<>();
      for (Map<String, Object> m : list) {
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) m.getOrDefault("attributes", Map.of());
        specs.add(new ToxicSpec((String) m.get("name"), (String) m.get("type"), (String) m.get("stream"),
            ((Number) m.getOrDefault("toxicity", 1.0)).doubleValue(), new LinkedHashMap<>(attributes)));
      }
      return specs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read proxy toxics " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    proxy.close();
  }
}
