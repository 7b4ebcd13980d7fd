package io.perftwin.scenarios;

/**
 * Where a run places the load generator and the target ({@code environment:}).
 *
 * @param kind which environment
 * @param loadgens load-generator nodes (agents) sharing the load in the namespaces environment;
 *     each drives an exact share of the plan and their results are merged
 * @param topology the nodes and links written in {@code environment.nodes} / {@code links}, or
 *     null when the scenario has none (then: {@code loadgens} load generators, the scenario's
 *     target, and its {@code network} on the link between them)
 */
public record EnvironmentSpec(Kind kind, int loadgens, io.perftwin.infra.topology.Topology topology) {
  /** Which environment a run uses. */
  public enum Kind {
    /** Namespaces when this host allows them and the target is managed by perftwin; loopback otherwise. */
    AUTO,
    /** Network namespaces joined by veth links (root needed); the run fails if they are unavailable. */
    NAMESPACES,
    /** Everything on this host's loopback, in the runner process. */
    LOOPBACK;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Largest number of load-generator nodes on one machine. */
  public static final int MAX_LOADGENS = 16;

  public static final EnvironmentSpec DEFAULT = new EnvironmentSpec(Kind.AUTO, 1, null);

  public EnvironmentSpec(Kind kind, int loadgens) {
    this(kind, loadgens, null);
  }

  public EnvironmentSpec {
    java.util.Objects.requireNonNull(kind, "kind");
    if (loadgens < 1 || loadgens > MAX_LOADGENS) {
      throw new IllegalArgumentException("loadgens must be in [1, " + MAX_LOADGENS + "], was " + loadgens);
    }
  }
}
