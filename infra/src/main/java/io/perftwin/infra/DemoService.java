package io.perftwin.infra;

import io.netty.channel.EventLoop;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.common.TextFormat;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.ContextInternal;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built-in demo service: a small virtual service that behaves like a thread-pool server with
 * {@code workers} threads. Each request waits in a FIFO queue for a free worker, then holds it
 * for a service time drawn from its endpoint's {@link ServiceTime} (plus the latency of the
 * endpoint's downstream call, if it has one). A held worker is a timer on the event loop, not a
 * sleeping thread, so the service costs little CPU and its capacity is exactly
 * {@code workers / mean service time} whatever the machine.
 *
 * <p>Endpoints: {@code GET /health} answers at once; {@code /metrics} answers at once with the
 * Prometheus text format (neither is queued, counted or paused). Every other path and method is
 * queued and answers {@code 200} with a small JSON body, or the injected error status, or
 * {@code 502} when its downstream call failed; request bodies are read in full before queueing.
 * Per-path behaviour comes from {@link DemoServiceConfig#endpoints()}.
 *
 * <p>All state lives on one event loop; nothing is shared between threads but the counters.
 */
public final class DemoService implements AutoCloseable {
  private static final Buffer HEALTH_BODY = Buffer.buffer("ok\n");

  private final DemoServiceConfig config;
  private final Vertx vertx;
  private final HttpServer server;
  private final HttpClient client;
  private final long startNanos;
  private final AtomicLong served = new AtomicLong();
  private final DemoMetrics metrics;
  private final Map<String, Route> exactRoutes = new HashMap<>();
  private final Map<String, Route> prefixRoutes = new HashMap<>(); // filled on first use, event loop only
  private final Route defaultRoute;

  // Event-loop confined state.
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private final SplittableRandom random;
  private int busy;
  private int heldByPause;
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
    boolean anyDownstream = config.endpoints().stream().anyMatch(e -> e.downstream() != null);
    this.client = anyDownstream
        ? vertx.createHttpClient(new HttpClientOptions().setTcpNoDelay(true).setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(config.workers()))
        : null;
    this.metrics = new DemoMetrics(config.workers(), () -> queue.size(), () -> busy, () -> heldByPause);
    this.defaultRoute = new Route(DemoMetrics.DEFAULT_ENDPOINT, config.serviceTime(), null, null, metrics);
    for (DemoEndpoint e : config.endpoints()) {
      if (!e.isPrefix()) {
        exactRoutes.put(e.path(), route(e));
      }
    }
    this.startNanos = System.nanoTime();
  }

  private Route route(DemoEndpoint e) {
    ServiceTime t = e.serviceTime() == null ? config.serviceTime() : e.serviceTime();
    return new Route(e.path(), t, e.errors(), e.downstream(), metrics);
  }

  /**
   * Starts the service and returns once it listens.
   *
   * @param port 0 for any free port (see {@link #port()})
   * @param seed seeds service times and error draws, so a run can be repeated
   * @throws IllegalArgumentException if an endpoint's downstream is still {@link DemoEndpoint#STUB}
   */
  public static DemoService start(DemoServiceConfig config, String host, int port, long seed) {
    for (DemoEndpoint e : config.endpoints()) {
      if (e.downstreamIsStub()) {
        throw new IllegalArgumentException("endpoint " + e.path() + ": downstream 'stub' has no address yet;"
            + " start a StubService and pass config.withStub(url)");
      }
    }
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

  /** Requests answered so far (health checks and scrapes excluded). */
  public long served() {
    return served.get();
  }

  /** The service's own metrics registry (what {@code /metrics} shows). */
  public CollectorRegistry metricsRegistry() {
    return metrics.registry();
  }

  /**
   * What a scrape of {@code /metrics} would return now (Prometheus text format 0.0.4). Called off
   * the event loop, the gauges are approximate.
   */
  public String scrapeMetrics() {
    return metrics.scrape();
  }

  /** Behaviour and metric children of one endpoint pattern. */
  private static final class Route {
    final String label;
    final ServiceTime serviceTime;
    final DemoEndpoint.Errors errors;
    final RequestOptions downstream;
    final Histogram.Child serviceSeconds;
    final Counter.Child ok;
    final DemoMetrics metrics;

    Route(String label, ServiceTime serviceTime, DemoEndpoint.Errors errors, URI downstream, DemoMetrics metrics) {
      this.label = label;
      this.serviceTime = serviceTime;
      this.errors = errors;
      this.metrics = metrics;
      this.downstream = downstream == null ? null : downstreamOptions(downstream);
      this.serviceSeconds = metrics.serviceSeconds(label);
      this.ok = metrics.served(label, 200);
    }

    Counter.Child served(int status) {
      return status == 200 ? ok : metrics.served(label, status);
    }

    private static RequestOptions downstreamOptions(URI u) {
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      if (u.getRawQuery() != null) {
        path += "?" + u.getRawQuery();
      }
      long timeoutMillis = DemoEndpoint.DOWNSTREAM_TIMEOUT.toMillis();
      return new RequestOptions().setMethod(HttpMethod.GET).setHost(u.getHost())
          .setPort(u.getPort() < 0 ? 80 : u.getPort()).setURI(path)
          .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis);
    }
  }

  private Route routeFor(String path) {
    Route exact = exactRoutes.get(path);
    if (exact != null) {
      return exact;
    }
    DemoEndpoint e = config.endpointFor(path);
    if (e == null) {
      return defaultRoute;
    }
    return prefixRoutes.computeIfAbsent(e.path(), k -> route(e));
  }

  /** A request, its route, and when it joined the queue. */
  private static final class Job {
    final HttpServerRequest request;
    final Route route;
    long admittedNanos;

    Job(HttpServerRequest request, Route route) {
      this.request = request;
      this.route = route;
    }
  }

  private void handle(HttpServerRequest request) {
    if (context == null) {
      context = (ContextInternal) vertx.getOrCreateContext();
      eventLoop = context.nettyEventLoop();
    }
    String path = request.path();
    if ("/health".equals(path)) {
      request.response().putHeader("content-type", "text/plain").end(HEALTH_BODY);
      return;
    }
    if ("/metrics".equals(path)) {
      request.response().putHeader("content-type", TextFormat.CONTENT_TYPE_004).end(metrics.scrape());
      return;
    }
    Job job = new Job(request, routeFor(path));
    request.body().onComplete(ar -> {
      if (ar.failed()) {
        return; // the connection went away
      }
      long pauseRemaining = pauseRemainingNanos(System.nanoTime());
      if (pauseRemaining > 0) {
        heldByPause++;
        eventLoop.schedule(() -> context.dispatch(() -> {
          heldByPause--;
          admit(job);
        }), pauseRemaining, TimeUnit.NANOSECONDS);
      } else {
        admit(job);
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

  private void admit(Job job) {
    long now = System.nanoTime();
    job.admittedNanos = now;
    if (busy < config.workers()) {
      busy++;
      serve(job, now);
    } else {
      queue.addLast(job);
    }
  }

  /**
   * Holds a worker for one service time (after the downstream call, if any) starting at
   * {@code startNanos}. The worker's time is kept drift-free: a timer fires a little late (timer
   * slack), but a worker that goes straight on to a queued request starts it at the previous
   * deadline, not at the late firing, so a saturated service serves exactly
   * {@code workers / mean service time} per second.
   */
  private void serve(Job job, long startNanos) {
    metrics.queueWait(startNanos - job.admittedNanos);
    Route route = job.route;
    long sample = route.serviceTime.sampleNanos(random);
    int status = route.errors != null && random.nextDouble() < route.errors.rate() ? route.errors.status() : 200;
    if (route.downstream == null) {
      hold(job, startNanos, startNanos + sample, status);
      return;
    }
    long callStart = System.nanoTime();
    client.request(new RequestOptions(route.downstream))
        .compose(req -> req.send().compose(resp -> resp.body().map(body -> resp.statusCode())))
        .onComplete(ar -> {
          long latency = System.nanoTime() - callStart;
          boolean ok = ar.succeeded() && ar.result() >= 200 && ar.result() < 300;
          hold(job, startNanos, startNanos + latency + sample, ok ? status : 502);
        });
  }

  private void hold(Job job, long startNanos, long deadline, int status) {
    long delay = deadline - System.nanoTime();
    if (delay <= 0) {
      finish(job, startNanos, deadline, status);
    } else {
      eventLoop.schedule(() -> context.dispatch(() -> finish(job, startNanos, deadline, status)), delay,
          TimeUnit.NANOSECONDS);
    }
  }

  private void finish(Job job, long startNanos, long deadline, int status) {
    served.incrementAndGet();
    job.route.served(status).inc();
    job.route.serviceSeconds.observe((deadline - startNanos) / 1e9);
    HttpServerRequest request = job.request;
    if (!request.response().closed()) {
      String body = status == 200
          ? "{\"ok\":true,\"method\":\"" + request.method().name() + "\"}\n"
          : "{\"ok\":false,\"status\":" + status + "}\n";
      request.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
    }
    Job next = queue.pollFirst();
    if (next != null) {
      serve(next, Math.max(deadline, next.admittedNanos));
    } else {
      busy--;
    }
  }

  /** Requests waiting for a worker. Reads event-loop state without a lock: approximate. */
  public int queueLength() {
    return queue.size();
  }

  /** Requests holding a worker. Reads event-loop state without a lock: approximate. */
  public int inService() {
    return busy;
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
  }

  /**
   * Human summary, e.g. {@code demo service: 8 workers, exponential(2ms), capacity 4000 req/s}
   * (the capacity of the default service time; endpoints are listed after it).
   */
  public String describe() {
    double capacity = config.capacityPerSecond();
    String s = "demo service: " + config.workers() + " workers, " + config.serviceTime().describe()
        + (Double.isInfinite(capacity) ? ", unbounded capacity" : ", capacity " + Math.round(capacity) + " req/s");
    for (DemoEndpoint e : config.endpoints()) {
      s += "; " + e.path() + " " + (e.serviceTime() == null ? "default" : e.serviceTime().describe());
      if (e.errors() != null) {
        s += ", " + e.errors().status() + " at "
            + new BigDecimal(Double.toString(e.errors().rate())).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
      }
      if (e.downstream() != null) {
        s += ", downstream " + e.downstream();
      }
    }
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
