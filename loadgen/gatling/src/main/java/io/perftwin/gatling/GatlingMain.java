package io.perftwin.gatling;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the Gatling child JVM started by {@code io.perftwin.loadgen.gatling.GatlingEngine}.
 *
 * <pre>{@code GatlingMain <simulation class> <results folder>}</pre>
 *
 * <p>Checks that the simulation class can be loaded and is a Gatling simulation, turns off every
 * call Gatling makes to the internet (HTTP warm-up URL, usage analytics), and hands over to
 * {@code io.gatling.app.Gatling}, which runs the simulation, writes {@code simulation.log} and the
 * HTML report under the results folder, and exits the JVM with its status code.
 *
 * <p>Exit codes of its own, before Gatling starts: {@link #EXIT_USAGE} for wrong arguments,
 * {@link #EXIT_NO_SIMULATION} when the class is missing or not a simulation (the reason is the
 * last line of standard error, prefixed {@code perftwin-gatling: }).
 */
public final class GatlingMain {
  /** Wrong command line. */
  public static final int EXIT_USAGE = 64;
  /** The simulation class cannot be loaded, or is not a Gatling simulation. */
  public static final int EXIT_NO_SIMULATION = 65;

  private GatlingMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("perftwin-gatling: usage: GatlingMain <simulation class> <results folder>");
      System.exit(EXIT_USAGE);
    }
    String simulation = args[0];
    Path results = Path.of(args[1]).toAbsolutePath();
    String problem = checkSimulation(simulation);
    if (problem != null) {
      System.err.println("perftwin-gatling: " + problem);
      System.out.flush();
      System.err.flush();
      System.exit(EXIT_NO_SIMULATION);
    }
    offline();
    Files.createDirectories(results);
    io.gatling.app.Gatling.main(new String[] {"--simulation", simulation, "--results-folder", results.toString()});
  }

  /** Sets the Gatling settings that would reach out to the internet; there is none. */
  static void offline() {
    System.setProperty("gatling.http.warmUpUrl", "");
    System.setProperty("gatling.data.enableAnalytics", "false");
  }

  /** Why {@code name} cannot be run as a simulation, or {@code null} if it can. */
  static String checkSimulation(String name) {
    Class<?> c;
    try {
      c = Class.forName(name, false, GatlingMain.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return "simulation class '" + name + "' not found on the classpath (" + e + ")";
    }
    if (!isSubclass(c, "io.gatling.javaapi.core.Simulation") && !isSubclass(c, "io.gatling.core.scenario.Simulation")) {
      return "class '" + name + "' is not a Gatling simulation: it does not extend io.gatling.javaapi.core.Simulation";
    }
    return null;
  }

  private static boolean isSubclass(Class<?> c, String superName) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      if (k.getName().equals(superName)) {
        return true;
      }
    }
    return false;
  }
}
