package io.perftwin.infra.cluster;

import java.util.Optional;

/**
 * Ends this JVM when the process that started it is gone, so a node process cannot outlive a
 * runner killed with {@code kill -9} (which runs no shutdown hook). {@link LocalCluster} sets
 * {@value #ENV} to its own pid in every process it starts; a {@code main} calls {@link
 * #startIfRequested()} first thing.
 */
public final class ParentWatchdog {
  /** Environment variable holding the pid to watch. */
  public static final String ENV = "PERFTWIN_PARENT_PID";
  /** How often the parent is looked at; a node process outlives its parent by at most this. */
  static final long POLL_MILLIS = 250;
  /** Exit status of a process ended by the watchdog. */
  public static final int EXIT_PARENT_GONE = 3;

  private ParentWatchdog() {}

  /** Starts the watchdog thread if {@value #ENV} is set; returns whether it did. */
  public static boolean startIfRequested() {
    String value = System.getenv(ENV);
    if (value == null || value.isBlank()) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      System.err.println("perftwin: ignoring " + ENV + "=" + value + " (not a pid)");
      return false;
    }
    Optional<ProcessHandle> parent = ProcessHandle.of(pid);
    if (parent.isEmpty()) {
      System.err.println("perftwin: parent process " + pid + " is already gone; exiting");
      Runtime.getRuntime().halt(EXIT_PARENT_GONE);
    }
    ProcessHandle handle = parent.get();
    Thread t = new Thread(() -> {
      while (handle.isAlive()) {
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
      System.err.println("perftwin: parent process " + pid + " is gone; exiting");
      // halt, not exit: nothing of a node process needs saving, and a hook must not keep it alive.
      Runtime.getRuntime().halt(EXIT_PARENT_GONE);
    }, "perftwin-parent-watchdog");
    t.setDaemon(true);
    t.start();
    return true;
  }
}
