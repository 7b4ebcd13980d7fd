package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.results.Histograms;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Every recorder of a run. Each event loop writes only to its own recorders (single writer);
 * the collector thread takes interval histograms from all of them. Recording never throws:
 * values outside the histogram range are clamped and counted.
 */
final class RecorderBook {
  static final int KINDS = ErrorKind.values().length;

  final int loops;
  final int phases;
  final int names;
  private final SingleWriterRecorder[][][] response; // [loop][phase][name]
  private final SingleWriterRecorder[][][] service;
  private final SingleWriterRecorder[][][] errors;
  private final SingleWriterRecorder[][] lag; // [loop][phase]
  /** Error counts by (phase, name, kind); errors are rare, so one shared array is enough. */
  private final AtomicLongArray errorKinds;
  /** Requests dispatched and not yet complete, all loops. */
  final LongAdder inFlight = new LongAdder();
  /** Values clamped into the histogram range. */
  final LongAdder clamped = new LongAdder();

  RecorderBook(int loops, int phases, int names) {
    this.loops = loops;
    this.phases = phases;
    this.names = names;
    response = new SingleWriterRecorder[loops][phases][names];
    service = new SingleWriterRecorder[loops][phases][names];
    errors = new SingleWriterRecorder[loops][phases][names];
    lag = new SingleWriterRecorder[loops][phases];
    for (int l = 0; l < loops; l++) {
      for (int p = 0; p < phases; p++) {
        lag[l][p] = newRecorder();
        for (int n = 0; n < names; n++) {
          response[l][p][n] = newRecorder();
          service[l][p][n] = newRecorder();
          errors[l][p][n] = newRecorder();
        }
      }
    }
    errorKinds = new AtomicLongArray(phases * names * KINDS);
  }

  private static SingleWriterRecorder newRecorder() {
    return new SingleWriterRecorder(
        Histograms.LOWEST_DISCERNIBLE_NANOS, Histograms.HIGHEST_TRACKABLE_NANOS, Histograms.SIGNIFICANT_DIGITS);
  }

  void recordLag(int loop, int phase, long nanos) {
    lag[loop][phase].recordValue(clamp(nanos));
  }

  void recordSuccess(int loop, int phase, int name, long responseNanos, long serviceNanos) {
    response[loop][phase][name].recordValue(clamp(responseNanos));
    service[loop][phase][name].recordValue(clamp(serviceNanos));
  }

  /**
   * Records a failed request.
   *
   * @param serviceNanos service time, or a negative value if the request was never written
   */
  void recordError(int loop, int phase, int name, long responseNanos, long serviceNanos, ErrorKind kind) {
    long rt = clamp(responseNanos);
    response[loop][phase][name].recordValue(rt);
    errors[loop][phase][name].recordValue(rt);
    if (serviceNanos >= 0) {
      service[loop][phase][name].recordValue(clamp(serviceNanos));
    }
    errorKinds.incrementAndGet((phase * names + name) * KINDS + kind.ordinal());
  }

  long errorCount(int phase, int name, ErrorKind kind) {
    return errorKinds.get((phase * names + name) * KINDS + kind.ordinal());
  }

  SingleWriterRecorder response(int loop, int phase, int name) {
    return response[loop][phase][name];
  }

  SingleWriterRecorder service(int loop, int phase, int name) {
    return service[loop][phase][name];
  }

  SingleWriterRecorder errors(int loop, int phase, int name) {
    return errors[loop][phase][name];
  }

  SingleWriterRecorder lag(int loop, int phase) {
    return lag[loop][phase];
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
