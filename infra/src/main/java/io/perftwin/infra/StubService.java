package io.perftwin.infra;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stub dependency: an HTTP service that answers every request {@code 200} after a delay drawn
 * from a {@link ServiceTime}, with no concurrency limit (it is never the bottleneck; the demo
 * service's workers are). {@code GET /health} answers at once. Used as the demo service's
 * downstream and as the "stub dependency" node of the local cluster:
 *
 * <pre>java -cp … io.perftwin.infra.StubService HOST PORT [DELAY] [SEED]</pre>
 *
 * where DELAY is any {@link ServiceTime} text form (default {@code constant(5ms)}).
 */
public final class StubService implements AutoCloseable {
  /** Delay used when none is given. */
  public static final ServiceTime DEFAULT_DELAY = new ServiceTime.Constant(Duration.ofMillis(5));
  private static final Buffer HEALTH_BODY = Buffer.buffer("ok\n");
  private static final Buffer BODY = Buffer.buffer("{\"stub\":true}\n");

  private final ServiceTime delay;
  private final Vertx vertx;
  private final HttpServer server;
  private final SplittableRandom random;
  private final AtomicLong served = new AtomicLong();

  private StubService(ServiceTime delay, long seed) {
    this.delay = delay;
    this.random = new SplittableRandom(seed);
    this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(1)
        .setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
    this.server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true).setIdleTimeout(0));
  }

  /**
   * A demo configuration whose {@link DemoEndpoint#STUB} downstreams are resolved to a stub started
   * for it on 127.0.0.1 (constant {@link #DEFAULT_DELAY}), and that stub; no stub and the same
   * configuration when no endpoint calls one.
   */
  public record ForDemo(StubService stub, DemoServiceConfig config) {}

  /** Starts the stub a demo configuration's endpoints call, if any (see {@link ForDemo}). */
  public static ForDemo startFor(DemoServiceConfig config, long seed) {
    if (!config.needsStub()) {
      return new ForDemo(null, config);
    }
    StubService stub = start(DEFAULT_DELAY, "127.0.0.1", 0, seed);
    return new ForDemo(stub, config.withStub(java.net.URI.create("http://127.0.0.1:" + stub.port() + "/")));
  }

  /**
   * Starts the stub and returns once it listens.
   *
   * @param port 0 for any free port (see {@link #port()})
   */
  public static StubService start(ServiceTime delay, String host, int port, long seed) {
    Objects.requireNonNull(delay, "delay");
    StubService s = new StubService(delay, seed);
    try {
      s.server.requestHandler(s::handle);
      s.server.listen(port, host).toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private void handle(HttpServerRequest request) {
    if ("/health".equals(request.path())) {
      request.response().putHeader("content-type", "text/plain").end(HEALTH_BODY);
      return;
    }
    request.body().onComplete(ar -> {
      if (ar.failed()) {
        return;
      }
      long nanos = delay.sampleNanos(random);
      if (nanos <= 0) {
        answer(request);
      } else {
        // The Netty event loop's scheduler takes nanoseconds (Vert.x timers take whole milliseconds).
        ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
        context.nettyEventLoop().schedule(() -> context.dispatch(() -> answer(request)), nanos, TimeUnit.NANOSECONDS);
      }
    });
  }

  private void answer(HttpServerRequest request) {
    served.incrementAndGet();
    if (!request.response().closed()) {
      request.response().putHeader("content-type", "application/json").end(BODY);
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.actualPort();
  }

  /** Requests answered so far (health checks excluded). */
  public long served() {
    return served.get();
  }

  /** The delay before each answer. */
  public ServiceTime delay() {
    return delay;
  }

  /** Human summary, e.g. {@code stub dependency: constant(5ms)}. */
  public String describe() {
    return "stub dependency: " + delay.describe();
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
  }

  /** {@code HOST PORT [DELAY] [SEED]}: runs until the process is killed. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length < 2 || args.length > 4) {
      System.err.println("usage: StubService HOST PORT [DELAY, e.g. constant(5ms) or lognormal(median=5ms, p99=40ms)] [SEED]");
      System.exit(2);
    }
    StubService stub;
    try {
      ServiceTime d = args.length >= 3 ? ServiceTime.parse("delay", args[2]) : DEFAULT_DELAY;
      long seed = args.length == 4 ? Long.parseLong(args[3]) : 1;
      stub = start(d, args[0], Integer.parseInt(args[1]), seed);
    } catch (IllegalArgumentException e) {
      System.err.println("StubService: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stub::close, "stub-stop"));
    System.out.println(stub.describe() + ", listening on " + args[0] + ":" + stub.port());
    Thread.sleep(Long.MAX_VALUE);
  }
}
