package io.perftwin.scenarios.cli;

import io.perftwin.infra.cluster.ParentWatchdog;

/** Entry point of the {@code twin} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    // A process started in a cluster node ends itself when the runner that started it is gone (even kill -9).
    ParentWatchdog.startIfRequested();
    System.exit(TwinCommand.execute(args));
  }
}
