package io.perftwin.shaping.proxy;

/**
 * A monotonic clock in nanoseconds. The proxy reads time only through one of these, so that the
 * release schedule of delayed chunks can be tested with a fake clock.
 */
@FunctionalInterface
public interface Ticker {
  /** A ticker backed by {@link System#nanoTime()}. */
  Ticker SYSTEM = System::nanoTime;

  long nanoTime();
}
