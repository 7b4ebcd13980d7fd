package io.perftwin.scenarios.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.loadgen.LoadEngine;
import io.perftwin.loadgen.LoadEngines;
import io.perftwin.shaping.ProxyToxic;
import io.perftwin.shaping.proxy.ProxyInfo;
import io.perftwin.shaping.proxy.ProxyServerOptions;
import io.perftwin.shaping.proxy.ShapingProxy;
import io.perftwin.shaping.proxy.ToxicSpec;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shaping proxy in front of the target, in the process that sends the load (the runner on
 * loopback, each agent in the namespaces environment): the engine sends to the proxy on
 * 127.0.0.1, which forwards to the target through the toxics the shaping plan gave it. Its API is
 * not served (port 0 on 127.0.0.1 only). Closing it closes every proxied connection.
 *
 * <p>The proxy runs on the Vert.x engine's own event loops ({@link #engine()}): one thread per
 * loop carries the engine's connections and the proxied ones, so the proxy adds no thread that
 * competes with the engine and the target for a core (docs/proxy.md, "Overhead").
 */
final class ProxyFront implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx loops;
  private final ShapingProxy proxy;
  private final URI front;

  private ProxyFront(Vertx loops, ShapingProxy proxy, URI front) {
    this.loops = loops;
    this.proxy = proxy;
    this.front = front;
  }

  /**
   * Starts {@code eventLoops} engine event loops and, on them, a proxy to {@code target} with
   * {@code toxics}; the engine sends to {@link #front()}.
   */
  static ProxyFront start(URI target, List<ToxicSpec> toxics, long seed, int eventLoops) {
    Vertx loops = LoadEngines.eventLoops(eventLoops);
    ShapingProxy proxy = null;
    try {
      proxy = ShapingProxy.startOn(loops, ProxyServerOptions.defaults().withApi("127.0.0.1", 0).withSeed(seed)
          .withEventLoops(eventLoops));
      int port = target.getPort() > 0 ? target.getPort() : 80;
      ProxyInfo info = proxy.createProxy("target", "127.0.0.1:0", target.getHost() + ":" + port);
      for (ToxicSpec t : toxics) {
        proxy.addToxic("target", t);
      }
      return new ProxyFront(loops, proxy, URI.create("http://127.0.0.1:" + info.listenPort()));
    } catch (RuntimeException e) {
      if (proxy != null) {
        proxy.close();
      }
      closeLoops(loops);
      throw e;
    }
  }

  URI front() {
    return front;
  }

  /** The Vert.x engine on the proxy's event loops. */
  LoadEngine engine() {
    return LoadEngines.vertxOn(loops);
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
    try {
      proxy.close();
    } finally {
      closeLoops(loops);
    }
  }

  private static void closeLoops(Vertx loops) {
    loops.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
  }
}
