package io.perftwin.infra.terraform.cdktf;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.infra.ServiceTime;
import io.perftwin.infra.terraform.Backend;
import io.perftwin.infra.terraform.NetemScript;
import io.perftwin.infra.terraform.StagingSpec;
import io.perftwin.infra.topology.LinkSpec;
import io.perftwin.infra.topology.NodeRun;
import io.perftwin.infra.topology.NodeSpec;
import io.perftwin.infra.topology.Role;
import io.perftwin.infra.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The staging stack of one spec: backend, provider, variables, namespace, the scenario ConfigMap,
 * a Deployment and Service per target/dependency node (dependencies first), and an indexed Job per
 * load-generator node. See docs/staging.md for what each is for.
 */
public final class StagingStack extends TerraformStack {
  /** Where the agents find the scenario file. */
  public static final String SCENARIO_DIR = "/etc/perftwin";
  static final String SCENARIO_FILE = "scenario.yaml";
  static final String CONFIG_MAP = "perftwin-scenario";
  /** Where each agent writes its share of the results (an emptyDir: gone with the pod). */
  public static final String RESULTS_DIR = "/var/lib/perftwin";
  static final String DEFAULT_NETEM_IMAGE = "nicolaka/netshoot:v0.13";

  private final Topology topology;
  private final String image;
  private final String netemImage;
  private final String instance;
  private final String defaultImage;
  private final String scenarioConfigMap;
  private final String startAt;
  private final long seed;

  public StagingStack(Construct scope, String id, StagingSpec spec) {
    super(scope, id);
    this.topology = spec.topology();
    this.instance = spec.scenarioName();
    this.defaultImage = spec.image();
    backend(spec.backend());
    String kubeconfig = variable("kubeconfig_path", "Path of the kubeconfig file that reaches the staging cluster",
        "~/.kube/config");
    String namespaceName = variable("namespace", "Kubernetes namespace the twin is created in",
        "perftwin-" + spec.scenarioName());
    this.image = variable("image", "perftwin image: runs `twin agent` and `twin demo-service`", spec.image());
    this.netemImage = variable("netem_image", "Image with sh and tc (iproute2) for the netem init containers",
        DEFAULT_NETEM_IMAGE);
    this.startAt = new TerraformVariable(this, "start_at_epoch_ms", TerraformVariableConfig.builder()
        .type("number").defaultValue(0)
        .description("Common start of all agents, milliseconds since the epoch; 0: each agent starts when its pod does")
        .build()).getStringValue();
    this.seed = spec.seed();

    KubernetesProvider provider = new KubernetesProvider(this, "kubernetes", kubeconfig);
    Namespace namespace = new Namespace(this, "twin", provider, namespaceName, labels(null));
    ConfigMap scenario = new ConfigMap(this, "scenario", provider, namespace, CONFIG_MAP, labels(null),
        Map.of(SCENARIO_FILE, spec.scenarioYaml()));
    this.scenarioConfigMap = scenario.nameRef();

    Map<String, List<ITerraformDependable>> services = new LinkedHashMap<>();
    for (Role role : List.of(Role.DEPENDENCY, Role.TARGET)) {
      for (NodeSpec node : topology.nodes(role)) {
        Service service = new Service(this, "svc_" + node.name(), provider, namespace, node.name(),
            labels(node.name()), node.run().port());
        List<ITerraformDependable> needs = new ArrayList<>();
        for (LinkSpec link : outgoing(node)) {
          needs.addAll(services.getOrDefault(link.to(), List.of()));
        }
        Deployment deployment = new Deployment(this, "node_" + node.name(), provider, namespace, node.name(), node.count(),
            servicePod(node), needs);
        services.put(node.name(), List.of(service, deployment));
      }
    }
    int offset = 0;
    int agents = topology.loadgenReplicas();
    for (NodeSpec node : topology.nodes(Role.LOADGEN)) {
      List<ITerraformDependable> needs = new ArrayList<>();
      for (LinkSpec link : outgoing(node)) {
        needs.addAll(services.getOrDefault(link.to(), List.of()));
      }
      IndexedJob job = new IndexedJob(this, "node_" + node.name(), provider, namespace, node.name(), node.count(),
          agentPod(node, offset, agents), needs);
      offset += node.count();
      new TerraformOutput(this, "job_" + node.name(), TerraformOutputConfig.builder()
          .description("Indexed Job of load generator '" + node.name() + "'; `kubectl logs job/" + node.name() + "`")
          .value(job.nameRef()).build());
    }
    new TerraformOutput(this, "namespace_name", TerraformOutputConfig.builder()
        .description("Namespace of the twin").value(namespace.nameRef()).build());
  }

  private void backend(Backend backend) {
    if (backend instanceof Backend.Local local) {
      new LocalBackend(this, LocalBackendConfig.builder().path(local.path()).build());
    } else if (backend instanceof Backend.S3 s3) {
      new S3Backend(this, S3BackendConfig.builder().bucket(s3.bucket()).key(s3.key()).region(s3.region()).build());
    }
  }

  private String variable(String name, String description, String defaultValue) {
    return new TerraformVariable(this, name, TerraformVariableConfig.builder()
        .type("string").description(description).defaultValue(defaultValue).build()).getStringValue();
  }

  private Map<String, String> labels(String node) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", "perftwin");
    labels.put("app.kubernetes.io/instance", instance);
    if (node != null) {
      labels.put("perftwin.io/node", node);
    }
    return labels;
  }

  private List<LinkSpec> outgoing(NodeSpec node) {
    return topology.links().stream().filter(l -> l.from().equals(node.name())).toList();
  }

  private List<Container> netem(NodeSpec node) {
    Optional<String> script = NetemScript.script(topology, node);
    return script.map(s -> List.of(new Container("netem", netemImage, List.of("sh", "-c", s), List.of(), Map.of(),
        0, "", true, List.of()))).orElse(List.of());
  }

  private PodTemplate servicePod(NodeSpec node) {
    NodeRun run = node.run();
    Container main;
    if (run instanceof NodeRun.Command command) {
      String commandImage = variable("image_" + node.name(), "Image holding the command of node '" + node.name() + "'",
          defaultImage);
      main = new Container(node.name(), commandImage, command.argv(), List.of(), Map.of(), command.port(),
          command.healthPath(), false, List.of());
    } else {
      DemoServiceConfig config = run instanceof NodeRun.Demo demo ? demo.config() : stubConfig();
      List<String> args = List.of("demo-service", "--host", "0.0.0.0", "--port", Integer.toString(run.port()),
          "--workers", Integer.toString(config.workers()), "--service-time", config.serviceTime().describe());
      main = new Container(node.name(), image, List.of(), args, Map.of(), run.port(), run.healthPath(), false, List.of());
    }
    return new PodTemplate(labels(node.name()), netem(node), List.of(main), Map.of(), List.of(), "Always");
  }

  /** A stub answers at once: the demo service with no service time and room for many requests. */
  private static DemoServiceConfig stubConfig() {
    return DemoServiceConfig.DEFAULT.withWorkers(256).withServiceTime(new ServiceTime.Constant(Duration.ZERO));
  }

  /**
   * {@code twin agent SCENARIO --index I --of N --target URL --seed=S --start-at T --out DIR}; I is
   * the pod's completion index. With several load-generator nodes each Job's indices start at 0,
   * so {@code --index-offset K} (the replicas of the nodes before it) makes them unique.
   */
  private PodTemplate agentPod(NodeSpec node, int offset, int agents) {
    NodeSpec to = topology.node(outgoing(node).get(0).to()).orElseThrow();
    List<String> args = new ArrayList<>(List.of("agent", SCENARIO_DIR + "/" + SCENARIO_FILE,
        "--index", "$(PERFTWIN_AGENT_INDEX)"));
    if (topology.nodes(Role.LOADGEN).size() > 1) {
      args.addAll(List.of("--index-offset", Integer.toString(offset)));
    }
    args.addAll(List.of("--of", Integer.toString(agents),
        "--target", "http://" + to.name() + ":" + to.run().port(),
        "--seed=" + seed,
        "--start-at", startAt,
        "--out", RESULTS_DIR + "/agent-$(PERFTWIN_AGENT_INDEX)"));
    Container agent = new Container("agent", image, List.of(), args,
        Map.of("PERFTWIN_AGENT_INDEX", Container.fieldRef("metadata.annotations['" + IndexedJob.INDEX_ANNOTATION + "']")),
        0, "", false, List.of(new Container.Mount("scenario", SCENARIO_DIR, true), new Container.Mount("results", RESULTS_DIR, false)));
    return new PodTemplate(labels(node.name()), netem(node), List.of(agent),
        Map.of("scenario", scenarioConfigMap), List.of("results"), "Never");
  }
}
