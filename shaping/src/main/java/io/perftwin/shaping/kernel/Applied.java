package io.perftwin.shaping.kernel;

import io.perftwin.shaping.ShapingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Shaping that was applied and can be removed: {@link #close()} undoes exactly what was added, in
 * reverse order, and is idempotent (a second call does nothing). Undoing something whose namespace
 * or device no longer exists counts as done. Failures are collected and thrown together after every
 * undo step has been tried.
 */
public final class Applied implements AutoCloseable {
  private final List<String> descriptions;
  private final List<Runnable> undo;
  private boolean closed;

  private Applied(List<String> descriptions, List<Runnable> undo) {
    this.descriptions = descriptions;
    this.undo = undo;
  }

  /** Nothing applied. */
  public static Applied nothing() {
    return new Applied(new ArrayList<>(), new ArrayList<>());
  }

  /** One applied step and how to undo it. */
  public static Applied of(String description, Runnable undo) {
    Applied a = nothing();
    a.descriptions.add(description);
    a.undo.add(undo);
    return a;
  }

  /** Adds {@code other}'s undo steps after this one's (they run before this one's on close). */
  public Applied and(Applied other) {
    descriptions.addAll(other.descriptions);
    undo.addAll(other.undo);
    other.closed = true;
    return this;
  }

  /** What was applied, one line per step, e.g. {@code pt-ab-target: HTB rate 20mbit on eth0}. */
  public List<String> descriptions() {
    return List.copyOf(descriptions);
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<String> failures = new ArrayList<>();
    for (int i = undo.size() - 1; i >= 0; i--) {
      try {
        undo.get(i).run();
      } catch (RuntimeException e) {
        failures.add(descriptions.get(i) + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new ShapingException("shaping not fully removed: " + String.join("; ", failures));
    }
  }
}
