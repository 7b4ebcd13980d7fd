package io.perftwin.scenarios.cli;

import io.perftwin.infra.DemoService;
import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.infra.ServiceTime;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.parse.ServiceTimeParser;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twin demo-service}: the built-in demo service alone, until Ctrl-C. */
@Command(name = "demo-service", mixinStandardHelpOptions = true,
    description = "Run the built-in demo service alone until interrupted.")
final class DemoServiceCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "port, 0 for any (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--workers", description = "requests served at once (default: 8)")
  Integer workers;

  @Option(names = "--service-time", paramLabel = "DIST",
      description = "constant(D), exponential(D) or D (default: exponential(2ms))")
  String serviceTime;

  @Option(names = "--seed", defaultValue = "1", description = "seed of random service times (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--scenario", paramLabel = "SCENARIO.yaml",
      description = "take the demo service settings of this scenario's target (as a cluster node does); "
          + "--workers and --service-time still override them")
  java.nio.file.Path scenario;

  @Option(names = "--node", paramLabel = "NAME",
      description = "with --scenario: take the demo settings of this node of environment.nodes instead of the target's")
  String node;

  @Option(names = "--peer", paramLabel = "NODE=URL",
      description = "with --scenario: the base URL of a node an endpoint's downstream names (the runner passes these)")
  java.util.Map<String, java.net.URI> peers = new java.util.LinkedHashMap<>();

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "with --scenario: override one setting, as for twin run")
  java.util.List<String> sets = new java.util.ArrayList<>();

  @Option(names = "--rate", hidden = true, description = "with --scenario: accepted and ignored (a run passes its overrides on)")
  String rate;

  @Option(names = "--duration", hidden = true, description = "with --scenario: accepted and ignored")
  String duration;

  @Override
  public Integer call() throws InterruptedException {
    DemoServiceConfig config = DemoServiceConfig.DEFAULT;
    if (scenario != null) {
      try {
        io.perftwin.scenarios.Scenario s = io.perftwin.scenarios.ScenarioParser.parse(scenario,
            new io.perftwin.scenarios.Overrides(sets, rate, duration));
        if (node != null) {
          io.perftwin.infra.topology.Topology t = s.environment().topology();
          java.util.Optional<io.perftwin.infra.topology.NodeSpec> n = t == null ? java.util.Optional.empty() : t.node(node);
          if (n.isEmpty() || !(n.get().run() instanceof io.perftwin.infra.topology.NodeRun.Demo d)) {
            spec.commandLine().getErr().println("twin demo-service: " + scenario + ": no demo node '" + node
                + "' in environment.nodes");
            return ExitCodes.BAD_INPUT;
          }
          config = d.config();
        } else if (!s.target().isDemo()) {
          spec.commandLine().getErr().println("twin demo-service: " + scenario + ": its target is a URL, not the demo service");
          return ExitCodes.BAD_INPUT;
        }
        if (node == null) {
          config = s.target().demo();
        }
      } catch (io.perftwin.scenarios.ScenarioException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
    }
    try {
      if (workers != null) {
        config = config.withWorkers(workers);
      }
      if (serviceTime != null) {
        ServiceTime st = ServiceTimeParser.parse(serviceTime);
        config = config.withServiceTime(st);
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("twin demo-service: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    try {
      config = io.perftwin.scenarios.parse.NodeDownstream.resolve(config, peers);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("twin demo-service: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    io.perftwin.infra.StubService.ForDemo withStub = io.perftwin.infra.StubService.startFor(config, seed);
    config = withStub.config();
    io.perftwin.infra.StubService stubToClose = withStub.stub();
    DemoService service = DemoService.start(config, host, port, seed);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      if (stubToClose != null) {
        stubToClose.close();
      }
      stop.countDown();
    }, "demo-service-stop"));
    spec.commandLine().getOut().println(service.describe() + ", listening on http://" + host + ":" + service.port());
    stop.await();
    return ExitCodes.PASS;
  }
}
