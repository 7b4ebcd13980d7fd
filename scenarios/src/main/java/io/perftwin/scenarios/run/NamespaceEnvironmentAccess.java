package io.perftwin.scenarios.run;

import io.perftwin.infra.topology.Topology;
import io.perftwin.scenarios.Scenario;

/** The topology a scenario runs with, for commands outside this package ({@code twin infra synth}). */
public final class NamespaceEnvironmentAccess {
  private NamespaceEnvironmentAccess() {}

  /** The scenario's {@code environment.nodes/links}, or its load generators, target and network. */
  public static Topology topologyOf(Scenario scenario) {
    return NamespaceEnvironment.topologyOf(scenario);
  }
}
