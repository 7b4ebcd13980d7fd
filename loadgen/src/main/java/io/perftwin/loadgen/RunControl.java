package io.perftwin.loadgen;

import java.util.concurrent.atomic.AtomicReference;

/** Lets another thread (a signal handler, a test) stop a run early. Thread-safe. */
public final class RunControl {
  private final AtomicReference<String> stopReason = new AtomicReference<>();

  /** Asks the run to stop; the first reason given wins. */
  public void requestStop(String reason) {
    stopReason.compareAndSet(null, reason);
  }

  public boolean isStopRequested() {
    return stopReason.get() != null;
  }

  /** The reason given to {@link #requestStop}, or {@code null}. */
  public String stopReason() {
    return stopReason.get();
  }
}
