package io.perftwin.loadgen;

/** Receives one snapshot per reporting interval while a run is under way (console, metrics). */
@FunctionalInterface
public interface RunObserver {
  RunObserver NONE = s -> {};

  void onInterval(IntervalSnapshot snapshot);
}
