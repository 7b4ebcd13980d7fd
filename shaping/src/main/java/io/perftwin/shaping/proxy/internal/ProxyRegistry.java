package io.perftwin.shaping.proxy.internal;

import io.perftwin.shaping.proxy.ProxyException;
import io.perftwin.shaping.proxy.ProxyInfo;
import io.perftwin.shaping.proxy.Ticker;
import io.perftwin.shaping.proxy.ToxicSpec;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every proxy of one server, by name. All methods are serialised on this object and may block
 * (opening or closing listeners), so they must not be called on an event loop.
 */
public final class ProxyRegistry {
  private final Vertx vertx;
  private final Ticker ticker;
  private final long seed;
  private final int eventLoops;
  private final Map<String, ProxyRuntime> proxies = new LinkedHashMap<>();
  private long created;

  public ProxyRegistry(Vertx vertx, Ticker ticker, long seed, int eventLoops) {
    this.vertx = vertx;
    this.eventLoops = eventLoops;
    this.ticker = ticker;
    this.seed = seed;
  }

  public synchronized List<ProxyInfo> list() {
    return proxies.values().stream().map(ProxyRuntime::info).toList();
  }

  public synchronized ProxyInfo get(String name) {
    return find(name).info();
  }

  public synchronized ProxyInfo create(String name, String listen, String upstream, boolean enabled) {
    if (name == null || name.isBlank()) {
      throw new ProxyException(400, "name is required");
    }
    if (proxies.containsKey(name)) {
      throw new ProxyException(409, "proxy already exists");
    }
    HostPort.parse("listen", listen);
    ProxyRuntime runtime = new ProxyRuntime(vertx, ticker, seed + 0x9E3779B97F4A7C15L * ++created, eventLoops, name, listen, upstream);
    if (enabled) {
      runtime.start();
    }
    proxies.put(name, runtime);
    return runtime.info();
  }

  /** Creates the proxies that do not exist, replaces those whose settings differ; returns them all. */
  public synchronized List<ProxyInfo> populate(List<ProxyInfo> wanted) {
    List<ProxyInfo> result = new ArrayList<>();
    for (ProxyInfo p : wanted) {
      HostPort.parse("listen", p.listen());
      HostPort.parse("upstream", p.upstream());
      if (p.name() == null || p.name().isBlank()) {
        throw new ProxyException(400, "name is required");
      }
    }
    for (ProxyInfo p : wanted) {
      ProxyRuntime existing = proxies.get(p.name());
      if (existing != null) {
        ProxyInfo info = existing.info();
        if (info.upstream().equals(p.upstream()) && info.enabled() == p.enabled()
            && (info.listen().equals(p.listen()) || HostPort.parse("listen", p.listen()).port() == 0)) {
          result.add(info);
          continue;
        }
        delete(p.name());
      }
      result.add(create(p.name(), p.listen(), p.upstream(), p.enabled()));
    }
    return result;
  }

  public synchronized ProxyInfo update(String name, String listen, String upstream, Boolean enabled) {
    ProxyRuntime runtime = find(name);
    runtime.update(listen, upstream, enabled);
    return runtime.info();
  }

  public synchronized void delete(String name) {
    find(name).stop();
    proxies.remove(name);
  }

  public synchronized List<ToxicSpec> toxics(String proxy) {
    return find(proxy).toxics();
  }

  public synchronized ToxicSpec toxic(String proxy, String toxic) {
    return findToxic(find(proxy), toxic);
  }

  public synchronized ToxicSpec addToxic(String proxy, ToxicSpec toxic) {
    ProxyRuntime runtime = find(proxy);
    List<ToxicSpec> list = new ArrayList<>(runtime.toxics());
    for (ToxicSpec t : list) {
      if (t.name().equals(toxic.name())) {
        throw new ProxyException(409, "toxic already exists");
      }
    }
    list.add(toxic);
    runtime.setToxics(list);
    return toxic;
  }

  public synchronized ToxicSpec updateToxic(String proxy, String toxic, Double toxicity, String stream,
      Map<String, Object> attributes) {
    ProxyRuntime runtime = find(proxy);
    ToxicSpec current = findToxic(runtime, toxic);
    ToxicSpec updated = current.merge(toxicity, stream, attributes);
    List<ToxicSpec> list = new ArrayList<>(runtime.toxics());
    list.replaceAll(t -> t.name().equals(toxic) ? updated : t);
    runtime.setToxics(list);
    return updated;
  }

  public synchronized void removeToxic(String proxy, String toxic) {
    ProxyRuntime runtime = find(proxy);
    findToxic(runtime, toxic);
    List<ToxicSpec> list = new ArrayList<>(runtime.toxics());
    list.removeIf(t -> t.name().equals(toxic));
    runtime.setToxics(list);
  }

  /** toxiproxy's reset: every proxy enabled, every toxic removed. */
  public synchronized void reset() {
    for (ProxyRuntime runtime : proxies.values()) {
      runtime.setToxics(List.of());
      runtime.update(null, null, true);
    }
  }

  /** Stops every proxy; the registry is empty afterwards. */
  public synchronized void closeAll() {
    for (ProxyRuntime runtime : proxies.values()) {
      try {
        runtime.stop();
      } catch (RuntimeException ignored) {
        // keep closing the others
      }
    }
    proxies.clear();
  }

  private ProxyRuntime find(String name) {
    ProxyRuntime runtime = proxies.get(name);
    if (runtime == null) {
      throw new ProxyException(404, "proxy not found");
    }
    return runtime;
  }

  private static ToxicSpec findToxic(ProxyRuntime runtime, String toxic) {
    for (ToxicSpec t : runtime.toxics()) {
      if (t.name().equals(toxic)) {
        return t;
      }
    }
    throw new ProxyException(404, "toxic not found");
  }
}
