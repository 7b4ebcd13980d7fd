package io.perftwin.infra.terraform.cdktf;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A resource of the Kubernetes provider written over CDKTF's core (the provider's generated Java
 * bindings are not used): a subclass gives the Terraform type and its attributes, named as the
 * provider names them; nested blocks are maps, repeated blocks lists of maps.
 */
public abstract class KubernetesResource extends TerraformResource {

  protected KubernetesResource(Construct scope, String id, String type, KubernetesProvider provider,
      List<? extends ITerraformDependable> dependsOn) {
    super(scope, id, TerraformResourceConfig.builder()
        .terraformResourceType(type)
        .terraformGeneratorMetadata(com.hashicorp.cdktf.TerraformProviderGeneratorMetadata.builder()
            .providerName("kubernetes").providerVersion(KubernetesProvider.VERSION).build())
        .provider(provider)
        .dependsOn(dependsOn.isEmpty() ? null : List.copyOf(dependsOn))
        .build());
  }

  /** The resource's arguments. */
  protected abstract Map<String, Object> attributes();

  @Override
  protected final Map<String, Object> synthesizeAttributes() {
    return attributes();
  }

  /** A reference to {@code metadata[0].name}, resolved by Terraform. */
  public String nameRef() {
    return getStringAttribute("metadata[0].name");
  }
}
