package io.perftwin.infra.topology;

import java.util.Locale;

/** What a node does in the twin. */
public enum Role {
  /** Runs load-generator agents; each replica sends its share of the scenario's rate. */
  LOADGEN,
  /** The system under test; the load generators' requests go here. */
  TARGET,
  /** Something a target calls (a stub, the demo service or a user command). */
  DEPENDENCY;

  /** The scenario-file spelling: {@code loadgen}, {@code target}, {@code dependency}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
