package io.perftwin.loadgen.gatling;

import java.util.List;

/**
 * A user simulation that cannot be run: its class is missing (or is not a Gatling simulation), or
 * its sources do not compile. A mistake in the scenario, not a failure of the run: the runner
 * reports {@link #getMessage()} and exits with status 2, as for any other invalid scenario.
 */
public final class GatlingSimulationException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String simulationClass;
  private final List<String> compilerMessages;

  public GatlingSimulationException(String simulationClass, String message, List<String> compilerMessages) {
    super(message);
    this.simulationClass = simulationClass;
    this.compilerMessages = List.copyOf(compilerMessages);
  }

  /** The simulation class asked for. */
  public String simulationClass() {
    return simulationClass;
  }

  /** The compiler's errors, {@code file:line: message} each; empty when the class was missing. */
  public List<String> compilerMessages() {
    return compilerMessages;
  }
}
