package io.perftwin.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference check itself must catch what it is there to catch. */
class ReferencesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reportsEveryDanglingReferenceAndSkipsEscapedText() throws Exception {
    String stack = """
        {"variable": {"image": {}},
         "provider": {"kubernetes": [{}]},
         "resource": {"kubernetes_namespace_v1": {"twin": {"provider": "kubernetes"}},
                      "kubernetes_service_v1": {"api": {
                        "provider": "helm",
                        "depends_on": ["kubernetes_namespace_v1.twin", "kubernetes_job_v1.gone"],
                        "a": "${var.image} ${var.missing} $${not.a.reference}",
                        "b": ["${kubernetes_namespace_v1.twin.metadata[0].name}", "${upper(var.image)}"],
                        "c": "${data.x.y.z} ${local.n}"}}}}
        """;
    assertEquals(List.of("kubernetes_job_v1.gone", "var.missing", "upper(var.image)", "data.x.y.z", "local.n",
        "kubernetes_service_v1.api.provider = helm"), References.unresolved(JSON.readTree(stack)));
  }
}
