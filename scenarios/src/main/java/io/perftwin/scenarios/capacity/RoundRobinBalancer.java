package io.perftwin.scenarios.capacity;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP balancer on 127.0.0.1: each accepted connection goes to the next backend port in turn and
 * bytes are piped both ways. HTTP/1.1 keeps connections open, so the generator's connections are
 * spread evenly over the replicas (connections, not requests, are balanced — like a layer-4
 * balancer).
 */
final class RoundRobinBalancer implements AutoCloseable {
  private final Vertx vertx;
  private final NetServer server;

  private RoundRobinBalancer(Vertx vertx, NetServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  static RoundRobinBalancer start(List<Integer> backendPorts) {
    if (backendPorts.isEmpty()) {
      throw new IllegalArgumentException("a balancer needs at least one backend");
    }
    Vertx vertx = Vertx.vertx();
    try {
      NetClient client = vertx.createNetClient();
      AtomicLong next = new AtomicLong();
      NetServer server = vertx.createNetServer().connectHandler(in -> {
        in.pause();
        int port = backendPorts.get((int) (next.getAndIncrement() % backendPorts.size()));
        client.connect(port, "127.0.0.1").onComplete(ar -> {
          if (ar.failed()) {
            in.close();
            return;
          }
          NetSocket out = ar.result();
          out.closeHandler(v -> in.close());
          in.closeHandler(v -> out.close());
          out.pipeTo(in);
          in.pipeTo(out);
        });
      });
      server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
      RoundRobinBalancer b = new RoundRobinBalancer(vertx, server);
      return b;
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
  }
}
