package io.perftwin.loadgen.internal;

import io.netty.channel.EventLoop;
import io.perftwin.loadgen.ArrivalSchedule;
import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.NanoClock;
import io.perftwin.loadgen.OpenShape;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.ContextInternal;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of the load: its own connections, its own share of every phase's
 * schedule, its own recorders. Everything here runs on that event loop's thread.
 *
 * <p>Pacing: a timer fires at the next intended time; the tick dispatches every request that is
 * due (intended time at or before now), then arms the timer for the next one. A late tick
 * therefore sends a burst, and every request in it is charged from its own intended time.
 */
final class LoadLoop extends VerticleBase {
  /** Requests dispatched per tick at most, before yielding to I/O. */
  private static final int MAX_BURST = 512;

  private final int share;
  private final LoadPlan plan;
  private final RecorderBook book;
  private final NanoClock clock;
  private final long startNanos;
  private final Runnable onSchedulingDone;

  private ContextInternal ctx;
  private EventLoop eventLoop;
  private HttpClient client;
  private RequestOptions[] options;
  private Buffer[] bodies;
  private int[] cumulativeWeights;
  private SplittableRandom random;

  private int phase = -1;
  private long phaseStartNanos;
  private ArrivalSchedule schedule;
  private long nextIntendedNanos;
  private boolean schedulingDone;

  LoadLoop(int share, LoadPlan plan, RecorderBook book, NanoClock clock, long startNanos, Runnable onSchedulingDone) {
    this.share = share;
    this.plan = plan;
    this.book = book;
    this.clock = clock;
    this.startNanos = startNanos;
    this.onSchedulingDone = onSchedulingDone;
  }

  @Override
  public Future<?> start() {
    ctx = (ContextInternal) context;
    eventLoop = ctx.nettyEventLoop();
    int loops = plan.eventLoops();
    int connections = plan.connections() / loops + (share < plan.connections() % loops ? 1 : 0);
    long timeoutMillis = Math.max(1, plan.requestTimeout().toMillis());
    HttpClientOptions clientOptions = new HttpClientOptions()
        .setKeepAlive(true)
        .setPipelining(false)
        .setTcpNoDelay(true)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
    client = vertx.createHttpClient(clientOptions, new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));

    String host = plan.target().getHost();
    int port = plan.target().getPort() > 0 ? plan.target().getPort() : 80;
    int n = plan.requests().size();
    options = new RequestOptions[n];
    bodies = new Buffer[n];
    cumulativeWeights = new int[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      RequestTemplate t = plan.requests().get(i);
      RequestOptions o = new RequestOptions()
          .setMethod(HttpMethod.valueOf(t.method()))
          .setHost(host)
          .setPort(port)
          .setURI(t.path())
          // Waiting for a pooled connection counts against the request timeout too.
          .setConnectTimeout(timeoutMillis)
          .setIdleTimeout(timeoutMillis);
      t.headers().forEach(h -> o.addHeader(h.name(), h.value()));
      options[i] = o;
      bodies[i] = t.body() == null ? null : Buffer.buffer(t.body());
      total += t.weight();
      cumulativeWeights[i] = total;
    }
    random = new SplittableRandom(plan.seed() * 31 + share);
    advancePhase();
    armTimer(clock.nanoTime());
    return Future.succeededFuture();
  }

  /** The Vert.x context this loop runs on. */
  ContextInternal loopContext() {
    return ctx;
  }

  /** Stops dispatching now; requests in flight go on. Call on this loop's context. */
  void stopScheduling() {
    if (!schedulingDone) {
      schedulingDone = true;
      onSchedulingDone.run();
    }
  }

  /** Closes the connections; requests still in flight fail and are recorded. */
  Future<Void> closeClient() {
    return client.close();
  }

  private void advancePhase() {
    while (true) {
      long t = schedule == null ? ArrivalSchedule.END : schedule.nextFireTimeNanos();
      if (t != ArrivalSchedule.END) {
        nextIntendedNanos = phaseStartNanos + t;
        return;
      }
      if (phase >= 0) {
        phaseStartNanos += plan.phases().get(phase).duration().toNanos();
      } else {
        phaseStartNanos = startNanos;
      }
      phase++;
      if (phase >= plan.phases().size()) {
        stopScheduling();
        return;
      }
      Phase p = plan.phases().get(phase);
      if (!(p.shape() instanceof OpenShape open)) {
        throw new IllegalStateException("phase '" + p.name() + "': only open models are supported");
      }
      schedule = open.schedule(p.duration(), share, plan.eventLoops(), plan.seed() ^ (phase * 0x9E3779B97F4A7C15L));
    }
  }

  private void armTimer(long now) {
    if (schedulingDone) {
      return;
    }
    long delay = nextIntendedNanos - now;
    if (delay <= 0) {
      eventLoop.execute(() -> ctx.dispatch(this::tick));
    } else {
      eventLoop.schedule(() -> ctx.dispatch(this::tick), delay, TimeUnit.NANOSECONDS);
    }
  }

  private void tick() {
    if (schedulingDone) {
      return;
    }
    long now = clock.nanoTime();
    int burst = 0;
    while (nextIntendedNanos <= now && burst < MAX_BURST) {
      dispatch(nextIntendedNanos, phase, now);
      burst++;
      advancePhase();
      if (schedulingDone) {
        return;
      }
    }
    armTimer(now);
  }

  private int pickRequest() {
    if (cumulativeWeights.length == 1) {
      return 0;
    }
    int r = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
    for (int i = 0; i < cumulativeWeights.length; i++) {
      if (r < cumulativeWeights[i]) {
        return i;
      }
    }
    throw new AssertionError();
  }

  private void dispatch(long intendedNanos, int phaseIndex, long now) {
    int name = pickRequest();
    book.recordLag(share, phaseIndex, now - intendedNanos);
    book.inFlight.increment();
    client.request(options[name]).onComplete(ar -> {
      if (ar.failed()) {
        complete(phaseIndex, name, intendedNanos, -1, ErrorClassifier.classify(ar.cause()));
        return;
      }
      HttpClientRequest request = ar.result();
      long sentNanos = clock.nanoTime();
      Future<io.vertx.core.http.HttpClientResponse> response =
          bodies[name] == null ? request.send() : request.send(bodies[name]);
      response
          .compose(resp -> resp.end().map(v -> resp.statusCode()))
          .onComplete(ar2 -> {
            if (ar2.failed()) {
              complete(phaseIndex, name, intendedNanos, sentNanos, ErrorClassifier.classify(ar2.cause()));
            } else {
              int status = ar2.result();
              complete(phaseIndex, name, intendedNanos, sentNanos, status >= 200 && status < 400 ? null : ErrorKind.STATUS);
            }
          });
    });
  }

  private void complete(int phaseIndex, int name, long intendedNanos, long sentNanos, ErrorKind error) {
    long end = clock.nanoTime();
    long serviceNanos = sentNanos < 0 ? -1 : end - sentNanos;
    if (error == null) {
      book.recordSuccess(share, phaseIndex, name, end - intendedNanos, serviceNanos);
    } else {
      book.recordError(share, phaseIndex, name, end - intendedNanos, serviceNanos, error);
    }
    book.inFlight.decrement();
  }
}
