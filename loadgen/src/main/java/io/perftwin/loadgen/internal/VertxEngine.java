package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.Formats;
import io.perftwin.loadgen.IntervalSnapshot;
import io.perftwin.loadgen.LoadDefaults;
import io.perftwin.loadgen.LoadEngine;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.NanoClock;
import io.perftwin.loadgen.OpenShape;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.Protocol;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.RunObserver;
import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-model engine. See {@link LoadLoop} for pacing, {@link IntervalCollector} for
 * recording. HTTP/1.1 runs on the engine's own epoll loops where it can ({@link #ownLoops}),
 * h2c and everything else on Vert.x event loops.
 */
public final class VertxEngine implements LoadEngine {
  /** System property: {@code true} sends HTTP/1.1 through Netty channels on Vert.x loops, not the engine's own loops. */
  static final String CHANNELS_PROPERTY = "perftwin.loadgen.channels";
  /** Lead time between deploying the loops and the first intended arrival. */
  private static final long START_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  /** How often the collector looks for the end of the run between interval ticks. */
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final NanoClock clock;
  private final Clock wallClock;
  /** Event loops owned by the caller, or null: each run starts and closes its own. */
  private final Vertx shared;

  public VertxEngine(NanoClock clock, Clock wallClock) {
    this(clock, wallClock, null);
  }

  /**
   * An engine whose runs use {@code shared}'s event loops (one per loop of the plan) and leave it
   * open; null for a Vert.x instance of its own per run.
   */
  public VertxEngine(NanoClock clock, Clock wallClock, Vertx shared) {
    this.clock = clock;
    this.wallClock = wallClock;
    this.shared = shared;
  }

  /** The Vert.x options of the engine's event loops: native transport, almost no worker threads. */
  public static VertxOptions options(int loops) {
    return new VertxOptions()
        .setPreferNativeTransport(true)
        .setEventLoopPoolSize(loops)
        .setWorkerPoolSize(1)
        .setInternalBlockingPoolSize(1);
  }

  /**
   * Whether {@code plan} runs on the engine's own epoll loops ({@link EpollLoop}): HTTP/1.1 on a
   * Linux JVM with Netty's native epoll, on event loops of the run's own, unless
   * {@value #CHANNELS_PROPERTY}{@code =true}. Otherwise Vert.x event loops drive it.
   */
  boolean ownLoops(LoadPlan plan) {
    return shared == null && plan.protocol() != Protocol.H2C && !Boolean.getBoolean(CHANNELS_PROPERTY)
        && EpollSet.unavailable() == null;
  }

  @Override
  public MeasuredRun run(LoadPlan plan, RunObserver observer, LatencyLogWriter latencyLog, RunControl control) {
    if (ownLoops(plan)) {
      return driveOwnLoops(plan, observer, latencyLog, control);
    }
    if (shared != null) {
      return drive(shared, plan, observer, latencyLog, control);
    }
    Vertx vertx = Vertx.vertx(options(plan.eventLoops()));
    try {
      return drive(vertx, plan, observer, latencyLog, control);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
    }
  }

  /** The state of one run, up to its measurement. */
  private final class Run {
    final LoadPlan plan;
    final RecorderBook book;
    final IntervalCollector collector;
    final AtomicInteger loopsScheduling;
    final long startNanos;
    final Instant startWall;
    final List<LoadLoop> loops = new ArrayList<>();

    Run(LoadPlan plan, LatencyLogWriter latencyLog) {
      this.plan = plan;
      int n = plan.eventLoops();
      book = new RecorderBook(n, plan.phases().size(), plan.requests().size());
      collector = new IntervalCollector(plan, book, latencyLog);
      loopsScheduling = new AtomicInteger(n);
      startNanos = clock.nanoTime() + START_LEAD_NANOS;
      startWall = wallClock.instant().plusNanos(START_LEAD_NANOS);
      latencyLog.start(startWall.toEpochMilli(), "perftwin latency log; values in ns, max column in ms; see docs/results-format.md");
      for (int share = 0; share < n; share++) {
        loops.add(new LoadLoop(share, plan, book, clock, startNanos, loopsScheduling::decrementAndGet));
      }
    }
  }

  private MeasuredRun driveOwnLoops(LoadPlan plan, RunObserver observer, LatencyLogWriter latencyLog, RunControl control) {
    Run run = new Run(plan, latencyLog);
    InetSocketAddress address = address(plan);
    List<EpollLoop> threads = new ArrayList<>();
    try {
      for (LoadLoop loop : run.loops) {
        EpollLoop thread = new EpollLoop("perftwin-loop-" + threads.size(), clock);
        threads.add(thread);
        CompletableFuture<Void> started = new CompletableFuture<>();
        thread.execute(() -> {
          try {
            loop.start(thread, (completion, connections, renderers) -> new Http1Transport(thread, clock, completion,
                EpollHttp1Connection.connector(thread, address), connections, renderers, plan.requests(), plan.requestTimeout()));
            started.complete(null);
          } catch (RuntimeException | Error e) {
            started.completeExceptionally(e);
          }
        });
        started.join();
      }
      return measure(run, observer, control);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the engine's event loops", e);
    } finally {
      // Each loop closes its connections on its own thread, then stops and frees its descriptors.
      for (int i = 0; i < threads.size(); i++) {
        LoadLoop loop = run.loops.get(i);
        try {
          threads.get(i).shutdown(loop::closeTransport, TimeUnit.SECONDS.toNanos(10));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private MeasuredRun drive(Vertx vertx, LoadPlan plan, RunObserver observer, LatencyLogWriter latencyLog, RunControl control) {
    Run run = new Run(plan, latencyLog);
    Iterator<LoadLoop> next = run.loops.iterator();
    String deployment = vertx.deployVerticle(() -> new LoadVerticle(next.next(), plan, clock),
            new DeploymentOptions().setInstances(run.loops.size()))
        .toCompletionStage().toCompletableFuture().join();
    try {
      return measure(run, observer, control);
    } finally {
      // On shared loops the connections must go now; an owned instance is closed by run().
      if (shared != null) {
        vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
            .exceptionally(t -> null).join();
      }
    }
  }

  /** The target's socket address; port 80 when the URI has none. */
  static InetSocketAddress address(LoadPlan plan) {
    int port = plan.target().getPort() > 0 ? plan.target().getPort() : 80;
    return new InetSocketAddress(plan.target().getHost(), port);
  }

  private MeasuredRun measure(Run run, RunObserver observer, RunControl control) {
    LoadPlan plan = run.plan;
    RecorderBook book = run.book;
    IntervalCollector collector = run.collector;
    long startNanos = run.startNanos;

    long intervalNanos = LoadDefaults.REPORTING_INTERVAL.toNanos();
    long lastTick = startNanos;
    long nextTick = startNanos + intervalNanos;
    long drainDeadline = Long.MAX_VALUE;
    boolean stopForwarded = false;
    waitUntil(startNanos);
    while (true) {
      long now = clock.nanoTime();
      if (control.isStopRequested() && !stopForwarded) {
        stopForwarded = true;
        for (LoadLoop loop : run.loops) {
          loop.thread().execute(loop::stopScheduling);
        }
        drainDeadline = Math.min(drainDeadline, now + LoadDefaults.INTERRUPT_GRACE.toNanos());
      }
      boolean schedulingDone = run.loopsScheduling.get() == 0;
      if (schedulingDone && drainDeadline == Long.MAX_VALUE) {
        drainDeadline = now + plan.requestTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
      }
      boolean finished = schedulingDone && (book.inFlight() == 0 || now >= drainDeadline);
      if (finished) {
        break;
      }
      if (now >= nextTick) {
        IntervalSnapshot s = collector.collect(seconds(lastTick - startNanos), seconds(nextTick - startNanos),
            phaseAt(plan, nextTick - startNanos), offeredRateAt(plan, nextTick - startNanos - 1));
        observer.onInterval(s);
        lastTick = nextTick;
        nextTick += intervalNanos;
        continue;
      }
      LockSupport.parkNanos(Math.min(POLL_NANOS, nextTick - now));
    }
    // Requests still in flight at the deadline are failed by closing the clients, and recorded.
    if (book.inFlight() > 0) {
      List<CompletableFuture<Void>> closes = new ArrayList<>();
      for (LoadLoop loop : run.loops) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.thread().execute(() -> {
          loop.closeTransport();
          closed.complete(null);
        });
        closes.add(closed);
      }
      CompletableFuture.allOf(closes.toArray(new CompletableFuture[0])).orTimeout(5, TimeUnit.SECONDS)
          .exceptionally(t -> null).join();
    }
    long end = clock.nanoTime();
    IntervalSnapshot last = collector.collect(seconds(lastTick - startNanos), seconds(end - startNanos), phaseAt(plan, end - startNanos), 0);
    observer.onInterval(last);

    Map<String, RequestStats> requests = collector.measuredRequests();
    double measuredSeconds = plan.measuredDuration().toNanos() / 1e9;
    // Offered load: what open phases scheduled; for closed phases, what the users sent.
    double offered = 0;
    for (int i = 0; i < plan.phases().size(); i++) {
      Phase p = plan.phases().get(i);
      if (p.warmup()) {
        continue;
      }
      offered += p.shape() instanceof OpenShape open ? open.expectedArrivals(p.duration()) / plan.agentCount() : collector.dispatched(i);
    }
    MeasuredRunDraft draft = new MeasuredRunDraft(requests, collector.measuredLag(), measuredSeconds);
    List<String> invalid = invalidReasons(plan, draft, control);
    return new MeasuredRun(run.startWall, wallClock.instant(), measuredSeconds,
        measuredSeconds > 0 ? offered / measuredSeconds : 0, requests, draft.lag, collector.timeline(), invalid,
        collector.phaseResults());
  }

  private record MeasuredRunDraft(Map<String, RequestStats> requests, org.HdrHistogram.Histogram lag, double measuredSeconds) {}

  /** Why the generator's measurement cannot be trusted; empty when it can. */
  static List<String> invalidReasons(LoadPlan plan, MeasuredRunDraft run, RunControl control) {
    List<String> reasons = new ArrayList<>();
    if (control.isStopRequested()) {
      reasons.add("interrupted: " + control.stopReason());
    }
    RequestStats all = RequestStats.sum(run.requests().values());
    if (all.count() == 0) {
      reasons.add("no request completed in the measured phases");
    } else {
      long connectFailures = all.errorsByKind().getOrDefault(ErrorKind.CONNECT_REFUSED, 0L)
          + all.errorsByKind().getOrDefault(ErrorKind.CONNECT_TIMEOUT, 0L);
      if (connectFailures == all.count()) {
        reasons.add("target unreachable: all " + all.count() + " requests failed to connect to " + plan.target());
      }
    }
    if (run.lag().getTotalCount() > 0) {
      double lagP99 = Histograms.percentileMillis(run.lag(), 99);
      double limit = plan.maxScheduleLagP99().toNanos() / 1e6;
      if (lagP99 > limit) {
        reasons.add("generator fell behind: schedule lag p99 " + Formats.fixed(lagP99, 2) + " ms > "
            + Formats.number(limit) + " ms (load.maxScheduleLag); the offered rate was not held");
      }
    }
    return reasons;
  }

  /**
   * The rate the phase running at {@code offsetNanos} offers: its schedule's rate for open shapes
   * (averaged over the phase for ramps and steps); NaN for closed shapes, whose offered rate is
   * what they dispatched (the collector fills that in).
   */
  private static double offeredRateAt(LoadPlan plan, long offsetNanos) {
    long t = 0;
    for (Phase p : plan.phases()) {
      t += p.duration().toNanos();
      if (offsetNanos < t) {
        if (p.shape() instanceof OpenShape open) {
          return open.expectedArrivals(p.duration()) / plan.agentCount() / (p.duration().toNanos() / 1e9);
        }
        return Double.NaN;
      }
    }
    return 0;
  }

  private static String phaseAt(LoadPlan plan, long offsetNanos) {
    long t = 0;
    for (Phase p : plan.phases()) {
      t += p.duration().toNanos();
      if (offsetNanos <= t) {
        return p.name();
      }
    }
    return "drain";
  }

  private void waitUntil(long deadlineNanos) {
    long now;
    while ((now = clock.nanoTime()) < deadlineNanos) {
      LockSupport.parkNanos(deadlineNanos - now);
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
