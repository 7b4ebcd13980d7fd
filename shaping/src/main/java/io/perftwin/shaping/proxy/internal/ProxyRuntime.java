package io.perftwin.shaping.proxy.internal;

import io.perftwin.shaping.proxy.ProxyException;
import io.perftwin.shaping.proxy.ProxyInfo;
import io.perftwin.shaping.proxy.Ticker;
import io.perftwin.shaping.proxy.ToxicSpec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One named proxy: its listener, its upstream client, its toxics and its live connections.
 * Control methods are called under the registry's lock from a non-event-loop thread; they block
 * until the listener is open or closed.
 */
final class ProxyRuntime {
  private static final long CONNECT_TIMEOUT_MILLIS = 5_000;

  private final Vertx vertx;
  private final Ticker ticker;
  private final long seed;
  final String name;
  private String listen;
  private String upstream;
  private boolean enabled;
  private volatile List<ToxicSpec> toxics = List.of();
  private final int instances;
  private final List<NetServer> servers = new ArrayList<>();
  private NetClient client;
  private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();

  ProxyRuntime(Vertx vertx, Ticker ticker, long seed, int instances, String name, String listen, String upstream) {
    this.vertx = vertx;
    this.instances = instances;
    this.ticker = ticker;
    this.seed = seed;
    this.name = name;
    this.listen = listen;
    this.upstream = upstream;
    HostPort.parse("upstream", upstream);
  }

  ProxyInfo info() {
    return new ProxyInfo(name, listen, upstream, enabled, toxics);
  }

  List<ToxicSpec> toxics() {
    return toxics;
  }

  void start() {
    HostPort address = HostPort.parse("listen", listen);
    HostPort up = HostPort.parse("upstream", upstream);
    client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true)
        .setConnectTimeout((int) CONNECT_TIMEOUT_MILLIS));
    // One listener per event loop on the same port (SO_REUSEPORT: the kernel balances accepted
    // connections over them); a connection and its upstream socket then live on that loop.
    int port = address.port();
    try {
      for (int i = 0; i < instances; i++) {
        NetServer created = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true)
            .setReusePort(instances > 1).setHost(address.host()).setPort(port));
        created.connectHandler(socket -> accept(socket, up));
        ContextInternal context = ((VertxInternal) vertx).createEventLoopContext();
        Promise<NetServer> listening = context.promise();
        context.runOnContext(v -> created.listen().onComplete(listening));
        await(listening.future());
        servers.add(created);
        port = created.actualPort();
      }
    } catch (ProxyException e) {
      closeServers();
      client.close();
      throw new ProxyException(500, "listen: cannot open " + listen + " for proxy " + name + ": "
          + e.getMessage(), e);
    }
    listen = (address.host().contains(":") ? "[" + address.host() + "]" : address.host()) + ":" + port;
    enabled = true;
  }

  void stop() {
    enabled = false;
    closeServers();
    for (ProxyConnection c : new ArrayList<>(connections)) {
      c.onLoop(c::close);
    }
    connections.clear();
    if (client != null) {
      awaitQuietly(client.close());
      client = null;
    }
  }

  /** Applies a new listen/upstream/enabled; restarts the listener when needed. */
  void update(String newListen, String newUpstream, Boolean newEnabled) {
    if (newUpstream != null) {
      HostPort.parse("upstream", newUpstream);
    }
    if (newListen != null) {
      HostPort.parse("listen", newListen);
    }
    boolean restart = (newListen != null && !newListen.equals(listen))
        || (newUpstream != null && !newUpstream.equals(upstream));
    boolean wantEnabled = newEnabled == null ? enabled : newEnabled;
    if (enabled && (restart || !wantEnabled)) {
      stop();
    }
    if (newListen != null) {
      listen = newListen;
    }
    if (newUpstream != null) {
      upstream = newUpstream;
    }
    if (wantEnabled && !enabled) {
      start();
    }
  }

  private void closeServers() {
    for (NetServer s : servers) {
      awaitQuietly(s.close());
    }
    servers.clear();
  }

  void setToxics(List<ToxicSpec> list) {
    toxics = List.copyOf(list);
    for (ProxyConnection c : connections) {
      List<ToxicSpec> snapshot = toxics;
      c.onLoop(() -> c.apply(snapshot));
    }
  }

  void forget(ProxyConnection connection) {
    connections.remove(connection);
  }

  private void accept(NetSocket socket, HostPort up) {
    socket.pause();
    long ordinal = accepted.incrementAndGet();
    NetClient c = client;
    if (c == null || !enabled) {
      socket.close();
      return;
    }
    boolean[] clientGone = new boolean[1];
    socket.closeHandler(v -> clientGone[0] = true);
    c.connect(up.port(), up.host()).onComplete(ar -> {
      if (ar.failed()) {
        socket.close();
        return;
      }
      if (clientGone[0] || !enabled) {
        ar.result().close();
        socket.close();
        return;
      }
      ProxyConnection connection = new ProxyConnection(this, socket, ar.result(), ticker, seed ^ (ordinal * 0x632BE59BD9B4E019L));
      connections.add(connection);
      connection.onLoop(() -> connection.start(toxics));
    });
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProxyException(500, "interrupted");
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ProxyException(500, String.valueOf(cause.getMessage()), cause);
    }
  }

  private static void awaitQuietly(Future<?> future) {
    try {
      await(future);
    } catch (ProxyException ignored) {
      // closing: nothing more to do
    }
  }
}
