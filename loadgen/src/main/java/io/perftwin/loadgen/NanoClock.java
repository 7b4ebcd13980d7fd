package io.perftwin.loadgen;

/**
 * A monotonic clock in nanoseconds. Everything in the generator that reads time takes one of
 * these, so that schedules, recorders and health checks can be tested with a fake clock.
 */
@FunctionalInterface
public interface NanoClock {
  /** A clock backed by {@link System#nanoTime()}. */
  NanoClock SYSTEM = System::nanoTime;

  long nanoTime();
}
