package io.perftwin.infra.terraform;

import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.infra.ServiceTime;
import io.perftwin.infra.topology.LinkSpec;
import io.perftwin.infra.topology.NodeRun;
import io.perftwin.infra.topology.NodeSpec;
import io.perftwin.infra.topology.Role;
import io.perftwin.infra.topology.Topology;
import io.perftwin.shaping.NetworkProfile;
import java.time.Duration;
import java.util.List;

/** The specs the golden files are made from. */
final class Specs {
  private Specs() {}

  static final String QUICKSTART_YAML = """
      name: quickstart
      target:
        service: demo
      network:
        delay: 20ms
        jitter: 5ms
        loss: 0.1%
        rate: 100mbit
      load:
        phases:
          - steady: {constantRate: 500/s, duration: 30s}
        requests:
          - name: checkout
            POST: /checkout
            body: '{"sku": "${sku}"}'
      """;

  /** The default topology with the quickstart's network on its link. */
  static StagingSpec quickstart() {
    NetworkProfile wan = new NetworkProfile(Duration.ofMillis(20), Duration.ofMillis(5), 0.001, 100_000_000L);
    return StagingSpec.of("quickstart", QUICKSTART_YAML, Topology.defaults().withNetwork(wan), 42);
  }

  /** Two load-generator groups, a demo target, a stub and a user command as dependencies, S3 state. */
  static StagingSpec checkout() {
    NetworkProfile edge = new NetworkProfile(Duration.ofMillis(40), null, 0.005, null);
    NetworkProfile lan = new NetworkProfile(Duration.ofNanos(1_500_000), Duration.ofNanos(250_000), null, 1_000_000_000L);
    Topology topology = new Topology(List.of(
        NodeSpec.loadgen("eu", 3),
        NodeSpec.loadgen("us", 2),
        new NodeSpec("api", Role.TARGET, 2, new NodeRun.Demo(
            DemoServiceConfig.DEFAULT.withWorkers(16).withServiceTime(new ServiceTime.Constant(Duration.ofMillis(3))))),
        new NodeSpec("db", Role.DEPENDENCY, 1, NodeRun.Stub.INSTANCE),
        new NodeSpec("pricing", Role.DEPENDENCY, 1,
            new NodeRun.Command(List.of("/app/pricing", "--listen", ":9000"), 9000, "/ready"))),
        List.of(
            new LinkSpec("eu", "api", edge),
            new LinkSpec("us", "api", edge),
            new LinkSpec("api", "db", lan),
            new LinkSpec("api", "pricing", NetworkProfile.NONE)));
    return new StagingSpec("checkout-capacity", "name: checkout-capacity\n", topology,
        "registry.example.com/perftwin:1.2.3", new Backend.S3("perftwin-state", "staging/checkout.tfstate", "eu-west-1"),
        -7L);
  }

  /** The default topology, nothing shaped: no init containers at all. */
  static StagingSpec unshaped() {
    return StagingSpec.of("plain", "name: plain\n", Topology.defaults(), 1);
  }
}
