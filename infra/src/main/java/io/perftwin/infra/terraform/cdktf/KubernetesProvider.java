package io.perftwin.infra.terraform.cdktf;

import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.TerraformProviderConfig;
import com.hashicorp.cdktf.TerraformProviderGeneratorMetadata;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.Construct;

/** The {@code hashicorp/kubernetes} provider, pinned, reading a kubeconfig file. */
public final class KubernetesProvider extends TerraformProvider {
  /** The provider release every attribute of our resources was written against. */
  public static final String VERSION = "2.35.1";
  static final String SOURCE = "hashicorp/kubernetes";

  private final String configPath;

  /** @param configPath the kubeconfig file; usually a variable reference */
  public KubernetesProvider(Construct scope, String id, String configPath) {
    super(scope, id, TerraformProviderConfig.builder()
        .terraformResourceType("kubernetes")
        .terraformProviderSource(SOURCE)
        .terraformGeneratorMetadata(TerraformProviderGeneratorMetadata.builder()
            .providerName("kubernetes").providerVersion(VERSION).build())
        .build());
    this.configPath = configPath;
  }

  @Override
  protected Map<String, Object> synthesizeAttributes() {
    Map<String, Object> attributes = new TreeMap<>();
    attributes.put("config_path", configPath);
    return attributes;
  }
}
