package io.perftwin.infra.topology;

import io.perftwin.infra.DemoServiceConfig;
import java.util.List;
import java.util.Objects;

/** What runs on a node. Load generators run {@link Agent}; targets and dependencies run a service. */
public sealed interface NodeRun permits NodeRun.Agent, NodeRun.Demo, NodeRun.Stub, NodeRun.Command {

  /** Port every built-in service (demo, stub) listens on inside its node. */
  int SERVICE_PORT = 8080;

  /** The port the service listens on; 0 for a load generator; {@link #SERVICE_PORT} for the built-in services. */
  default int port() {
    return SERVICE_PORT;
  }

  /** The HTTP path answered with 2xx once the service is ready; empty for a load generator; {@code /health} for the built-in services. */
  default String healthPath() {
    return "/health";
  }

  /** The scenario-file spelling of {@code service:}: {@code agent}, {@code demo}, {@code stub}, {@code command}. */
  String kind();

  /** The perftwin load-generator agent ({@code twin agent}); the only thing a loadgen node runs. */
  record Agent() implements NodeRun {
    public static final Agent INSTANCE = new Agent();

    @Override
    public int port() {
      return 0;
    }

    @Override
    public String healthPath() {
      return "";
    }

    @Override
    public String kind() {
      return "agent";
    }
  }

  /** The built-in demo service with its configuration, on {@link #SERVICE_PORT}. */
  record Demo(DemoServiceConfig config) implements NodeRun {
    public Demo {
      Objects.requireNonNull(config, "config");
    }

    @Override
    public String kind() {
      return "demo";
    }
  }

  /** A stub dependency: answers every request at once with 200, on {@link #SERVICE_PORT}. */
  record Stub() implements NodeRun {
    public static final Stub INSTANCE = new Stub();

    @Override
    public String kind() {
      return "stub";
    }
  }

  /**
   * A user command: {@code argv[0]} is the program, the rest its arguments (no shell). It must
   * listen on {@code port} and answer {@code healthPath} with 2xx once ready. Checked by {@link
   * Topology#problems()} rather than here, so that every mistake is reported with its path.
   */
  record Command(List<String> argv, int port, String healthPath) implements NodeRun {
    public Command {
      argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
      Objects.requireNonNull(healthPath, "healthPath");
    }

    @Override
    public String kind() {
      return "command";
    }
  }
}
