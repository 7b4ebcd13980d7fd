package io.perftwin.loadgen;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server for engine tests: it answers at once, except that when the
 * {@code stallAtRequest}-th request arrives it stops answering for {@code stallMillis}: that
 * request and every one arriving during the stall are answered when it ends.
 */
public final class StallingServer implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
  private final HttpServer server;
  private final long stallAtRequest;
  private final long stallMillis;
  private long requests;
  private long stallUntilNanos;
  volatile long stallStartNanos;

  private final long delayMillis;
  private final java.util.concurrent.atomic.AtomicInteger openConnections = new java.util.concurrent.atomic.AtomicInteger();

  public StallingServer(long stallAtRequest, long stallMillis) {
    this(stallAtRequest, stallMillis, 0);
  }

  /** Also answers every request {@code delayMillis} late (0: at once). */
  public StallingServer(long stallAtRequest, long stallMillis, long delayMillis) {
    this.stallAtRequest = stallAtRequest;
    this.stallMillis = stallMillis;
    this.delayMillis = delayMillis;
    server = vertx.createHttpServer().requestHandler(this::handle);
    server.connectionHandler(c -> {
      openConnections.incrementAndGet();
      c.closeHandler(v -> openConnections.decrementAndGet());
    });
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }

  public int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    long now = System.nanoTime();
    requests++;
    if (requests == stallAtRequest) {
      stallStartNanos = now;
      stallUntilNanos = now + TimeUnit.MILLISECONDS.toNanos(stallMillis);
    }
    if (now < stallUntilNanos) {
      long delayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(stallUntilNanos - now));
      vertx.setTimer(delayMillis, id -> request.response().end("late"));
    } else if (delayMillis > 0) {
      vertx.setTimer(delayMillis, id -> request.response().end("ok"));
    } else {
      request.response().end("ok");
    }
  }

  /** Connections open to this server now. */
  int openConnections() {
    return openConnections.get();
  }

  long requests() {
    return requests;
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
