package io.perftwin.infra.terraform.cdktf;

import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/** {@code kubernetes_namespace_v1}: the namespace every other object of the stack lives in. */
public final class Namespace extends KubernetesResource {
  private final String name;
  private final Map<String, String> labels;

  public Namespace(Construct scope, String id, KubernetesProvider provider, String name, Map<String, String> labels) {
    super(scope, id, "kubernetes_namespace_v1", provider, List.of());
    this.name = name;
    this.labels = labels;
  }

  @Override
  protected Map<String, Object> attributes() {
    return Map.of("metadata", Maps.metadata(name, null, labels));
  }
}
