package io.perftwin.scenarios.parse;

import io.perftwin.infra.DemoEndpoint;
import io.perftwin.infra.DemoServiceConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A demo endpoint's {@code downstream: <node>}: the node's address is known only once the
 * cluster is up, so the scenario holds a placeholder URL ({@code http://<node>.node.invalid/},
 * a reserved name that never resolves) that {@link #resolve} replaces.
 */
public final class NodeDownstream {
  private static final String SUFFIX = ".node.invalid";

  private NodeDownstream() {}

  static URI placeholder(String node) {
    return URI.create("http://" + node + SUFFIX + "/");
  }

  /** The node names this configuration calls. */
  public static List<String> nodes(DemoServiceConfig config) {
    List<String> out = new ArrayList<>();
    for (DemoEndpoint e : config.endpoints()) {
      if (e.downstream() != null && e.downstream().getHost() != null && e.downstream().getHost().endsWith(SUFFIX)) {
        out.add(e.downstream().getHost().substring(0, e.downstream().getHost().length() - SUFFIX.length()));
      }
    }
    return out;
  }

  /**
   * Replaces every node placeholder by its node's base URL.
   *
   * @throws IllegalArgumentException naming a node that {@code peers} does not have
   */
  public static DemoServiceConfig resolve(DemoServiceConfig config, Map<String, URI> peers) {
    List<DemoEndpoint> out = new ArrayList<>();
    for (DemoEndpoint e : config.endpoints()) {
      URI d = e.downstream();
      if (d != null && d.getHost() != null && d.getHost().endsWith(SUFFIX)) {
        String node = d.getHost().substring(0, d.getHost().length() - SUFFIX.length());
        URI url = peers.get(node);
        if (url == null) {
          throw new IllegalArgumentException("endpoint " + e.path() + ": downstream '" + node + "' is not a node of "
              + "this run" + (peers.isEmpty() ? " (node names need environment.nodes and the namespaces environment)"
              : "; nodes: " + String.join(", ", peers.keySet())));
        }
        out.add(e.withDownstream(url));
      } else {
        out.add(e);
      }
    }
    return config.withEndpoints(out);
  }
}
