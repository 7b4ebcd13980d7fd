package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.results.Histograms;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Every histogram of a run. Each event loop records only into its own histograms, plain ones
 * with no atomic operation per value: once per interval the collector asks the loop, on the
 * loop's own thread, to swap its histograms for empty ones ({@link #swap}), and reads the full
 * ones after the swap (the task's completion orders the loop's writes before the reads). This is
 * what HdrHistogram's {@code SingleWriterRecorder} does with a phaser, minus two atomic
 * operations per value. Recording never throws: values outside the histogram range are clamped
 * and counted.
 */
final class RecorderBook {
  static final int KINDS = ErrorKind.values().length;
  /** How long the collector waits for a loop to swap before it gives up on that interval. */
  private static final long SWAP_TIMEOUT_SECONDS = 5;
  /** Longs between two loops' in-flight counters, so that they sit on different cache lines. */
  private static final int PAD = 16;

  final int loops;
  final int phases;
  final int names;
  /** The histograms each loop records into now, and the ones last swapped out. */
  private final LoopSet[] active;
  private final LoopSet[] spare;
  private final Executor[] loopExecutors;
  /** Error counts by (phase, name, kind); errors are rare, so one shared array is enough. */
  private final AtomicLongArray errorKinds;
  /** Requests dispatched and not yet complete, per loop (single writer each). */
  private final AtomicLongArray inFlight;
  /** Values clamped into the histogram range. */
  final LongAdder clamped = new LongAdder();

  /** One loop's histograms of one interval. */
  static final class LoopSet {
    final Histogram[][] response; // [phase][name]
    final Histogram[][] service;
    final Histogram[][] errors;
    final Histogram[] lag; // [phase]

    LoopSet(int phases, int names) {
      response = new Histogram[phases][names];
      service = new Histogram[phases][names];
      errors = new Histogram[phases][names];
      lag = new Histogram[phases];
      for (int p = 0; p < phases; p++) {
        lag[p] = Histograms.create();
        for (int n = 0; n < names; n++) {
          response[p][n] = Histograms.create();
          service[p][n] = Histograms.create();
          errors[p][n] = Histograms.create();
        }
      }
    }

    /** Empties the histograms; those already empty are left alone (a reset clears the whole counts array). */
    void reset() {
      for (int p = 0; p < lag.length; p++) {
        clear(lag[p]);
        for (int n = 0; n < response[p].length; n++) {
          clear(response[p][n]);
          clear(service[p][n]);
          clear(errors[p][n]);
        }
      }
    }

    private static void clear(Histogram h) {
      if (h.getTotalCount() > 0) {
        h.reset();
      }
    }
  }

  RecorderBook(int loops, int phases, int names) {
    this.loops = loops;
    this.phases = phases;
    this.names = names;
    active = new LoopSet[loops];
    spare = new LoopSet[loops];
    loopExecutors = new Executor[loops];
    for (int l = 0; l < loops; l++) {
      active[l] = new LoopSet(phases, names);
      spare[l] = new LoopSet(phases, names);
    }
    errorKinds = new AtomicLongArray(phases * names * KINDS);
    inFlight = new AtomicLongArray(loops * PAD);
  }

  /** Where loop {@code loop}'s tasks run; set by the loop when it starts, before it records anything. */
  void bindLoop(int loop, Executor executor) {
    loopExecutors[loop] = executor;
  }

  void recordLag(int loop, int phase, long nanos) {
    active[loop].lag[phase].recordValue(clamp(nanos));
  }

  void recordSuccess(int loop, int phase, int name, long responseNanos, long serviceNanos) {
    LoopSet s = active[loop];
    s.response[phase][name].recordValue(clamp(responseNanos));
    s.service[phase][name].recordValue(clamp(serviceNanos));
  }

  /**
   * Records a failed request.
   *
   * @param serviceNanos service time, or a negative value if the request was never written
   */
  void recordError(int loop, int phase, int name, long responseNanos, long serviceNanos, ErrorKind kind) {
    LoopSet s = active[loop];
    long rt = clamp(responseNanos);
    s.response[phase][name].recordValue(rt);
    s.errors[phase][name].recordValue(rt);
    if (serviceNanos >= 0) {
      s.service[phase][name].recordValue(clamp(serviceNanos));
    }
    errorKinds.incrementAndGet((phase * names + name) * KINDS + kind.ordinal());
  }

  /** A request of loop {@code loop} was dispatched (+1) or completed (−1); called on that loop only. */
  void inFlight(int loop, int delta) {
    int i = loop * PAD;
    inFlight.lazySet(i, inFlight.get(i) + delta);
  }

  /** Requests in flight, all loops (each loop's count as last published). */
  long inFlight() {
    long sum = 0;
    for (int l = 0; l < loops; l++) {
      sum += inFlight.get(l * PAD);
    }
    return sum;
  }

  long errorCount(int phase, int name, ErrorKind kind) {
    return errorKinds.get((phase * names + name) * KINDS + kind.ordinal());
  }

  /**
   * Takes loop {@code loop}'s histograms of the interval just ended: on the loop's thread the
   * loop starts recording into emptied ones, then the full ones are returned. Call from the
   * collector thread only; the result is valid until the next swap of the same loop.
   */
  LoopSet swap(int loop) {
    Executor executor = loopExecutors[loop];
    if (executor == null) { // the loop never started: nothing recorded
      spare[loop].reset();
      return spare[loop];
    }
    CompletableFuture<LoopSet> done = new CompletableFuture<>();
    spare[loop].reset();
    executor.execute(() -> {
      LoopSet full = active[loop];
      active[loop] = spare[loop];
      done.complete(full);
    });
    LoopSet full;
    try {
      full = done.get(SWAP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("event loop " + loop + " did not take its interval histograms within "
          + SWAP_TIMEOUT_SECONDS + " s (blocked?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while taking loop " + loop + "'s histograms", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    spare[loop] = full;
    return full;
  }

  private long clamp(long nanos) {
    if (nanos < 0) {
      // nanoTime is monotonic; a negative span means the intended time is in the future
      // (dispatch a hair early). Record as zero rather than fail.
      return 0;
    }
    if (nanos > Histograms.HIGHEST_TRACKABLE_NANOS) {
      clamped.increment();
      return Histograms.HIGHEST_TRACKABLE_NANOS;
    }
    return nanos;
  }
}
