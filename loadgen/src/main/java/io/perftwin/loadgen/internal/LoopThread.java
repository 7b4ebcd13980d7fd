package io.perftwin.loadgen.internal;

import java.util.concurrent.Executor;

/**
 * The one thread a load loop and its transport run on, with its timers: the engine's own
 * {@link EpollLoop}, or a Vert.x event loop ({@link NettyLoopThread}). Only {@link #execute} may
 * be called from other threads.
 */
interface LoopThread extends Executor {
  /** A timer that can be armed again and again. */
  interface Rearmable {
    /** Fires once, {@code delayNanos} from now; arming an armed timer moves it. */
    void arm(long delayNanos);

    /** Disarms it, so that it neither fires nor holds its task; nothing if it is not armed. */
    void cancel();
  }

  /** Runs {@code task} once, {@code delayNanos} from now. */
  void schedule(Runnable task, long delayNanos);

  /** A timer that runs {@code task} each time it fires. */
  Rearmable timer(Runnable task);

  /**
   * The transport is busy (every connection in use, requests waiting) or no longer is. A loop may
   * then let its timers run late, within a bound it documents, to wait more cheaply
   * ({@link EpollLoop}); by default nothing changes.
   */
  default void parkWhileBusy(boolean busy) {}
}
