package io.perftwin.scenarios;

import io.perftwin.infra.cluster.ClusterException;
import io.perftwin.infra.cluster.LocalCluster;
import org.junit.jupiter.api.Assumptions;

/** Tests that need network namespaces (root, iproute2) skip with the reason where they are missing. */
public final class Namespaces {
  private Namespaces() {}

  /** Aborts the calling test, with the reason, when a local cluster cannot be built here. */
  public static void assumeAvailable() {
    try {
      LocalCluster.checkAvailable();
    } catch (ClusterException e) {
      Assumptions.abort("skipped: " + e.getMessage());
    }
  }
}
