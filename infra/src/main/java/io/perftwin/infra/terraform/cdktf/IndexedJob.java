package io.perftwin.infra.terraform.cdktf;

import com.hashicorp.cdktf.ITerraformDependable;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * {@code kubernetes_job_v1} in Indexed completion mode: {@code count} pods run at once, pod {@code
 * i} gets completion index {@code i} (0 … count−1) in the annotation {@value #INDEX_ANNOTATION}.
 * A failed pod is not retried ({@code backoff_limit = 0}): a rerun agent would send its share twice.
 * Terraform does not wait for completion; the Job's pods are the run.
 */
public final class IndexedJob extends KubernetesResource {
  /** Where Kubernetes puts a pod's completion index. */
  public static final String INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";

  private final String name;
  private final String namespace;
  private final int count;
  private final PodTemplate template;

  public IndexedJob(Construct scope, String id, KubernetesProvider provider, Namespace namespace, String name,
      int count, PodTemplate template, List<? extends ITerraformDependable> dependsOn) {
    super(scope, id, "kubernetes_job_v1", provider, dependsOn);
    this.name = name;
    this.namespace = namespace.nameRef();
    this.count = count;
    this.template = template;
  }

  @Override
  protected Map<String, Object> attributes() {
    return Maps.of(
        "metadata", Maps.metadata(name, namespace, template.labels()),
        "spec", Maps.of(
            "completion_mode", "Indexed",
            "completions", count,
            "parallelism", count,
            "backoff_limit", 0,
            "template", template.block()),
        "wait_for_completion", false);
  }
}
