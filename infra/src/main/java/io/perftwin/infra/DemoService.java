package io.perftwin.infra;

import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built-in demo service: an HTTP server that behaves like a thread-pool server with
 * {@code workers} threads. Each request waits in a FIFO queue for a free worker, then holds it
 * for a service time drawn from {@link ServiceTime}. A held worker is a timer on the event loop,
 * not a sleeping thread, so the service costs little CPU and its capacity is exactly
 * {@code workers / mean service time} whatever the machine.
 *
 * <p>Endpoints: {@code GET /health} answers at once (not queued). Every other path and method
 * is queued and answers {@code 200} with a small JSON body; request bodies are read in full
 * before queueing.
 *
 * <p>All state lives on one event loop; nothing is shared between threads but the counters.
 */
public final class DemoService implements AutoCloseable {
  private static final Buffer HEALTH_BODY = Buffer.buffer("ok\n");

  private final DemoServiceConfig config;
  private final Vertx vertx;
  private final HttpServer server;
  private final long startNanos;
  private final AtomicLong served = new AtomicLong();

  // Event-loop confined state.
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final SplittableRandom random;
  private int busy;
  private EventLoop eventLoop;
  private ContextInternal context;

  private DemoService(DemoServiceConfig config, long seed) {
    this.config = config;
    this.random = new SplittableRandom(seed);
    this.vertx = Vertx.vertx(new VertxOptions()
        .setPreferNativeTransport(true)
        .setEventLoopPoolSize(1)
        .setWorkerPoolSize(1)
        .setInternalBlockingPoolSize(1));
    this.server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true).setIdleTimeout(0));
    this.startNanos = System.nanoTime();
  }

  /**
   * Starts the service and returns once it listens.
   *
   * @param port 0 for any free port (see {@link #port()})
   */
  public static DemoService start(DemoServiceConfig config, String host, int port, long seed) {
    DemoService s = new DemoService(config, seed);
    try {
      s.listen(host, port);
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private void listen(String host, int port) {
    server.requestHandler(this::handle);
    server.listen(port, host).toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** The port it listens on. */
  public int port() {
    return server.actualPort();
  }

  public DemoServiceConfig config() {
    return config;
  }

  /** Requests answered so far (health checks excluded). */
  public long served() {
    return served.get();
  }

  private void handle(HttpServerRequest request) {
    if (context == null) {
      context = (ContextInternal) vertx.getOrCreateContext();
      eventLoop = context.nettyEventLoop();
    }
    if ("/health".equals(request.path())) {
      request.response().putHeader("content-type", "text/plain").end(HEALTH_BODY);
      return;
    }
    request.body().onComplete(ar -> {
      if (ar.failed()) {
        return; // the connection went away
      }
      long pauseRemaining = pauseRemainingNanos(System.nanoTime());
      if (pauseRemaining > 0) {
        eventLoop.schedule(() -> context.dispatch(() -> admit(request)), pauseRemaining, TimeUnit.NANOSECONDS);
      } else {
        admit(request);
      }
    });
  }

  /** Nanoseconds until the scheduled pause ends, if we are inside it; else 0. */
  private long pauseRemainingNanos(long now) {
    if (config.pauseAfter() == null) {
      return 0;
    }
    long from = startNanos + config.pauseAfter().toNanos();
    long to = from + config.pauseFor().toNanos();
    return now >= from && now < to ? to - now : 0;
  }

  /** A request waiting for a worker, and when it started waiting. */
  private record Pending(HttpServerRequest request, long admittedNanos) {}

  private void admit(HttpServerRequest request) {
    long now = System.nanoTime();
    if (busy < config.workers()) {
      busy++;
      serve(request, now);
    } else {
      queue.addLast(new Pending(request, now));
    }
  }

  /**
   * Holds a worker for one service time starting at {@code startNanos}. The worker's time is
   * kept drift-free: a timer fires a little late (timer slack), but a worker that goes straight on
   * to a queued request starts it at the previous deadline, not at the late firing, so a saturated
   * service serves exactly {@code workers / mean service time} per second.
   */
  private void serve(HttpServerRequest request, long startNanos) {
    long deadline = startNanos + config.serviceTime().sampleNanos(random);
    long delay = deadline - System.nanoTime();
    if (delay <= 0) {
      finish(request, deadline);
    } else {
      eventLoop.schedule(() -> context.dispatch(() -> finish(request, deadline)), delay, TimeUnit.NANOSECONDS);
    }
  }

  private void finish(HttpServerRequest request, long deadline) {
    served.incrementAndGet();
    if (!request.response().closed()) {
      request.response()
          .putHeader("content-type", "application/json")
          .end("{\"ok\":true,\"method\":\"" + request.method().name() + "\"}\n");
    }
    Pending next = queue.pollFirst();
    if (next != null) {
      serve(next.request(), Math.max(deadline, next.admittedNanos()));
    } else {
      busy--;
    }
  }

  /** Requests waiting for a worker. Reads event-loop state without a lock: approximate. */
  public int queueLength() {
    return queue.size();
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
  }

  /** Human summary, e.g. {@code demo service: 8 workers, exponential(2ms), capacity 4000 req/s}. */
  public String describe() {
    String s = "demo service: " + config.workers() + " workers, " + config.serviceTime().describe()
        + ", capacity " + Math.round(config.capacityPerSecond()) + " req/s";
    if (config.pauseAfter() != null) {
      s += ", pause after " + DemoDurations.format(config.pauseAfter()) + " for " + DemoDurations.format(config.pauseFor());
    }
    return s;
  }

  /** Time since the service started. */
  public Duration uptime() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
