package io.perftwin.scenarios.cli;

/** Entry point of the {@code twin} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(TwinCommand.execute(args));
  }
}
