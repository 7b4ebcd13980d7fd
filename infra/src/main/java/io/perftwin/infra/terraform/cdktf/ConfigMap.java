package io.perftwin.infra.terraform.cdktf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * {@code kubernetes_config_map_v1} holding text files. Values are escaped for Terraform ({@code
 * ${} → {@code $${}, {@code %{} → {@code %%{}), so a scenario's {@code ${feeder}} placeholders
 * arrive verbatim.
 */
public final class ConfigMap extends KubernetesResource {
  private final String name;
  private final String namespace;
  private final Map<String, String> labels;
  private final Map<String, String> data;

  public ConfigMap(Construct scope, String id, KubernetesProvider provider, Namespace namespace, String name,
      Map<String, String> labels, Map<String, String> data) {
    super(scope, id, "kubernetes_config_map_v1", provider, List.of());
    this.name = name;
    this.namespace = namespace.nameRef();
    this.labels = labels;
    this.data = data;
  }

  /** {@code text} as a Terraform string literal: no interpolation or directive survives. */
  public static String escapeTemplate(String text) {
    return text.replace("${", "$${").replace("%{", "%%{");
  }

  @Override
  protected Map<String, Object> attributes() {
    Map<String, Object> escaped = new TreeMap<>();
    data.forEach((k, v) -> escaped.put(k, escapeTemplate(v)));
    return Map.of("metadata", Maps.metadata(name, namespace, labels), "data", escaped);
  }
}
