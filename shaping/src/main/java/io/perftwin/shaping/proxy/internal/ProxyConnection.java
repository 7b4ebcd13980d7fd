package io.perftwin.shaping.proxy.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.perftwin.shaping.proxy.Ticker;
import io.perftwin.shaping.proxy.ToxicSpec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One accepted connection and its upstream connection, with a {@link Pipe} per direction. Every
 * method runs on the event loop of the client socket (the upstream socket is opened from it and
 * shares it); delays are Netty scheduled tasks on that loop, never sleeps.
 */
final class ProxyConnection {
  private static final long MAX_QUEUED_BYTES = 4L << 20;
  private static final long RESUME_QUEUED_BYTES = 1L << 20;
  /** A timer firing this early is treated as on time rather than rescheduled. */
  private static final long EARLY_TOLERANCE_NANOS = 20_000;
  private static final long MAX_TIMER_NANOS = 8_000_000;

  private final ProxyRuntime owner;
  private final NetSocket client;
  private final NetSocket server;
  private final EventExecutor loop;
  private final Ticker ticker;
  private final long seed;
  private final Pipe upstream;
  private final Pipe downstream;
  private final Map<String, ActiveToxic> active = new HashMap<>();
  private boolean closed;

  ProxyConnection(ProxyRuntime owner, NetSocket client, NetSocket server, Ticker ticker, long seed) {
    this.owner = owner;
    this.client = client;
    this.server = server;
    this.ticker = ticker;
    this.seed = seed;
    this.loop = ((NetSocketInternal) client).channelHandlerContext().executor();
    this.upstream = new Pipe("upstream", client, server);
    this.downstream = new Pipe("downstream", server, client);
  }

  /** Wires the handlers and applies the current toxics; called on the loop. */
  void start(List<ToxicSpec> toxics) {
    apply(toxics);
    upstream.wire();
    downstream.wire();
    client.resume();
  }

  /** Runs {@code task} on this connection's loop. */
  void onLoop(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  /** Replaces the toxics; unchanged ones keep their state (sampler, timers, counters). */
  void apply(List<ToxicSpec> toxics) {
    if (closed) {
      return;
    }
    Map<String, ActiveToxic> next = new HashMap<>();
    List<ActiveToxic> started = new ArrayList<>();
    for (ToxicSpec spec : toxics) {
      ActiveToxic current = active.remove(spec.name());
      if (current != null && current.spec.equals(spec)) {
        next.put(spec.name(), current);
      } else {
        if (current != null) {
          current.cancel();
        }
        ActiveToxic created = new ActiveToxic(spec, new SplittableRandom(mix(seed, spec.name(), spec.stream())));
        next.put(spec.name(), created);
        started.add(created);
      }
    }
    active.values().forEach(ActiveToxic::cancel);
    active.clear();
    active.putAll(next);
    upstream.toxics = affecting("upstream", toxics);
    downstream.toxics = affecting("downstream", toxics);
    for (ActiveToxic t : started) {
      if (t.affects) {
        arm(t);
      }
    }
  }

  private List<ActiveToxic> affecting(String stream, List<ToxicSpec> order) {
    List<ActiveToxic> list = new ArrayList<>();
    for (ToxicSpec spec : order) {
      ActiveToxic t = active.get(spec.name());
      if (t.affects && spec.stream().equals(stream)) {
        list.add(t);
      }
    }
    return List.copyOf(list);
  }

  private void arm(ActiveToxic t) {
    switch (t.spec.type()) {
      case "timeout" -> {
        long ms = t.spec.longAttribute("timeout");
        if (ms > 0) {
          t.timer = loop.schedule(() -> close(), ms, TimeUnit.MILLISECONDS);
        }
      }
      case "reset_peer" -> {
        long ms = t.spec.longAttribute("timeout");
        if (ms == 0) {
          loop.execute(this::reset);
        } else {
          t.timer = loop.schedule(this::reset, ms, TimeUnit.MILLISECONDS);
        }
      }
      default -> { }
    }
  }

  /** Closes both sockets (FIN); queued data is dropped. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    active.values().forEach(ActiveToxic::cancel);
    upstream.discard();
    downstream.discard();
    client.close();
    server.close();
    owner.forget(this);
  }

  /** Resets both sockets (RST: SO_LINGER 0, then close). */
  void reset() {
    if (closed) {
      return;
    }
    linger0(client);
    linger0(server);
    close();
  }

  private static void linger0(NetSocket socket) {
    Channel channel = ((NetSocketInternal) socket).channelHandlerContext().channel();
    try {
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
    } catch (RuntimeException ignored) {
      // the channel is already closing: a plain close is all that is left
    }
  }

  private static long mix(long seed, String name, String stream) {
    long h = seed * 0x9E3779B97F4A7C15L + name.hashCode() * 31L + stream.hashCode();
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  /** Per-connection state of one toxic. */
  private final class ActiveToxic {
    final ToxicSpec spec;
    final boolean affects;
    final SplittableRandom random;
    final DelayDistribution delay;
    long bytesSeen;
    ScheduledFuture<?> timer;

    ActiveToxic(ToxicSpec spec, SplittableRandom random) {
      this.spec = spec;
      this.random = random;
      this.affects = spec.toxicity() >= 1 || random.nextDouble() < spec.toxicity();
      this.delay = spec.type().equals("latency")
          ? new DelayDistribution(TimeUnit.MILLISECONDS.toNanos(spec.longAttribute("latency")),
              TimeUnit.MILLISECONDS.toNanos(spec.longAttribute("jitter")), spec.stringAttribute("distribution"),
              spec.doubleAttribute("correlation"), random.split())
          : null;
    }

    void cancel() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }
  }

  private static final int DATA = 0;
  private static final int CLOSE = 1;
  private static final int RESET = 2;

  private record Entry(int kind, Buffer data, long releaseNanos) {}

  /** One direction: reads {@code source}, applies the toxics, writes {@code sink} in order. */
  private final class Pipe {
    final String stream;
    final NetSocket source;
    final NetSocket sink;
    final DelayLine line = new DelayLine();
    final java.util.ArrayDeque<Entry> queue = new java.util.ArrayDeque<>();
    List<ActiveToxic> toxics = List.of();
    long queuedBytes;
    ScheduledFuture<?> timer;
    long timerAtNanos;
    boolean paused;
    boolean sourceClosed;

    Pipe(String stream, NetSocket source, NetSocket sink) {
      this.stream = stream;
      this.source = source;
      this.sink = sink;
    }

    void wire() {
      source.handler(buffer -> onLoop(() -> onData(buffer)));
      source.closeHandler(v -> onLoop(this::onSourceClosed));
      source.exceptionHandler(e -> onLoop(ProxyConnection.this::close));
      sink.drainHandler(v -> onLoop(this::maybeResume));
    }

    void onData(Buffer buffer) {
      if (closed) {
        return;
      }
      long now = ticker.nanoTime();
      long delayNanos = 0;
      long rateBytesPerSecond = 0;
      ActiveToxic slicer = null;
      boolean resetAfter = false;
      Buffer data = buffer;
      for (ActiveToxic t : toxics) {
        switch (t.spec.type()) {
          case "timeout" -> {
            return; // blackholed while the toxic is present
          }
          case "latency" -> delayNanos += t.delay.nextNanos();
          case "bandwidth" -> {
            long rate = t.spec.longAttribute("rate") * 1000;
            if (rate > 0) {
              rateBytesPerSecond = rateBytesPerSecond == 0 ? rate : Math.min(rateBytesPerSecond, rate);
            }
          }
          case "slicer" -> slicer = t;
          case "limit_data" -> {
            long remaining = t.spec.longAttribute("bytes") - t.bytesSeen;
            if (remaining <= 0) {
              data = Buffer.buffer();
              resetAfter = true;
            } else if (data.length() >= remaining) {
              data = data.slice(0, (int) remaining);
              resetAfter = true;
            }
            t.bytesSeen += data.length();
          }
          default -> { }
        }
      }
      if (data.length() > 0) {
        if (slicer == null) {
          enqueue(DATA, data, line.release(now, delayNanos, transmitNanos(data.length(), rateBytesPerSecond)));
        } else {
          long average = slicer.spec.longAttribute("average_size");
          long variation = slicer.spec.longAttribute("size_variation");
          long gapNanos = TimeUnit.MICROSECONDS.toNanos(slicer.spec.longAttribute("delay"));
          int offset = 0;
          int index = 0;
          while (offset < data.length()) {
            long size = average + (variation > 0 ? slicer.random.nextLong(-variation, variation + 1) : 0);
            int end = (int) Math.min(data.length(), offset + Math.max(1, size));
            Buffer slice = data.slice(offset, end);
            enqueue(DATA, slice, line.release(now + index * gapNanos, delayNanos,
                transmitNanos(slice.length(), rateBytesPerSecond)));
            offset = end;
            index++;
          }
        }
      }
      if (resetAfter) {
        enqueue(RESET, null, line.release(now, 0, 0));
      }
      flush();
    }

    private long transmitNanos(int bytes, long rateBytesPerSecond) {
      return rateBytesPerSecond == 0 ? 0 : bytes * 1_000_000_000L / rateBytesPerSecond;
    }

    void onSourceClosed() {
      if (closed || sourceClosed) {
        return;
      }
      sourceClosed = true;
      long now = ticker.nanoTime();
      long slowCloseNanos = 0;
      for (ActiveToxic t : toxics) {
        if (t.spec.type().equals("slow_close")) {
          slowCloseNanos = Math.max(slowCloseNanos, TimeUnit.MILLISECONDS.toNanos(t.spec.longAttribute("delay")));
        }
      }
      enqueue(CLOSE, null, line.release(now, slowCloseNanos, 0));
      flush();
    }

    private void enqueue(int kind, Buffer data, long releaseNanos) {
      queue.addLast(new Entry(kind, data, releaseNanos));
      if (data != null) {
        queuedBytes += data.length();
        if (queuedBytes > MAX_QUEUED_BYTES && !paused) {
          paused = true;
          source.pause();
        }
      }
    }

    /** Writes every entry that is due, then arms a timer for the next one. */
    void flush() {
      long now = ticker.nanoTime();
      while (!closed && !queue.isEmpty()) {
        Entry head = queue.peekFirst();
        if (head.releaseNanos - now > EARLY_TOLERANCE_NANOS) {
          arm(head.releaseNanos, now);
          return;
        }
        queue.pollFirst();
        switch (head.kind) {
          case DATA -> {
            queuedBytes -= head.data.length();
            sink.write(head.data);
          }
          case CLOSE -> {
            close();
            return;
          }
          default -> {
            reset();
            return;
          }
        }
      }
      if (sink.writeQueueFull()) {
        if (!paused) {
          paused = true;
          source.pause();
        }
      } else {
        maybeResume();
      }
    }

    private void arm(long releaseNanos, long now) {
      if (timer != null && timerAtNanos <= releaseNanos) {
        return;
      }
      if (timer != null) {
        timer.cancel(false);
      }
      timerAtNanos = releaseNanos;
      // Netty's epoll loop waits for timeouts of 10 ms or more (io.netty.channel.epoll.epollWaitThreshold)
      // with epoll_wait's millisecond timeout instead of its nanosecond timerfd. Waits are
      // therefore capped below that and chained, so every wake-up goes through the timerfd.
      long wait = Math.min(releaseNanos - now, MAX_TIMER_NANOS);
      timer = loop.schedule(this::onTimer, wait, TimeUnit.NANOSECONDS);
    }

    private void onTimer() {
      timer = null;
      flush();
    }

    void maybeResume() {
      if (paused && !closed && queuedBytes < RESUME_QUEUED_BYTES && !sink.writeQueueFull()) {
        paused = false;
        source.resume();
      }
    }

    void discard() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
      queue.clear();
      queuedBytes = 0;
    }
  }
}
