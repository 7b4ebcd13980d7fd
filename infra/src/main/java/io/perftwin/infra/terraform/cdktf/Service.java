package io.perftwin.infra.terraform.cdktf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * {@code kubernetes_service_v1}: a stable ClusterIP and DNS name ({@code <name>}) in front of a
 * node's pods; callers reach the node as {@code http://<name>:<port>}.
 */
public final class Service extends KubernetesResource {
  private final String name;
  private final String namespace;
  private final Map<String, String> selector;
  private final int port;

  public Service(Construct scope, String id, KubernetesProvider provider, Namespace namespace, String name,
      Map<String, String> selector, int port) {
    super(scope, id, "kubernetes_service_v1", provider, List.of());
    this.name = name;
    this.namespace = namespace.nameRef();
    this.selector = selector;
    this.port = port;
  }

  @Override
  protected Map<String, Object> attributes() {
    return Maps.of(
        "metadata", Maps.metadata(name, namespace, selector),
        "spec", Maps.of(
            "selector", new TreeMap<>(selector),
            "port", List.of(Maps.of("name", "http", "port", port, "target_port", Integer.toString(port))),
            "type", "ClusterIP"));
  }
}
