package io.perftwin.infra.terraform.cdktf;

import com.hashicorp.cdktf.ITerraformDependable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * {@code kubernetes_deployment_v1}: {@code replicas} pods of a target or dependency node.
 * Terraform waits for the rollout, so what depends on it starts against ready pods.
 */
public final class Deployment extends KubernetesResource {
  private final String name;
  private final String namespace;
  private final int replicas;
  private final PodTemplate template;

  public Deployment(Construct scope, String id, KubernetesProvider provider, Namespace namespace, String name,
      int replicas, PodTemplate template, List<? extends ITerraformDependable> dependsOn) {
    super(scope, id, "kubernetes_deployment_v1", provider, dependsOn);
    this.name = name;
    this.namespace = namespace.nameRef();
    this.replicas = replicas;
    this.template = template;
  }

  @Override
  protected Map<String, Object> attributes() {
    return Maps.of(
        "metadata", Maps.metadata(name, namespace, template.labels()),
        "spec", Maps.of(
            // the provider types replicas as a string (so that 0 is expressible)
            "replicas", Integer.toString(replicas),
            "selector", Maps.of("match_labels", new TreeMap<>(template.labels())),
            "template", template.block()),
        "wait_for_rollout", true);
  }
}
