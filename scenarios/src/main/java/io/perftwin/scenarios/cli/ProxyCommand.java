package io.perftwin.scenarios.cli;

import io.perftwin.scenarios.ExitCodes;
import io.perftwin.shaping.proxy.ProxyMain;
import io.perftwin.shaping.proxy.ProxyServerOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code twin proxy}: the shaping proxy alone, driven through its toxiproxy-compatible HTTP API. */
@Command(name = "proxy", mixinStandardHelpOptions = true,
    description = "Run the shaping proxy alone until interrupted. Its HTTP API is toxiproxy's (proxies, toxics, "
        + "populate, reset), so toxiproxy clients drive it; see docs/proxy.md.")
final class ProxyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", defaultValue = ProxyServerOptions.DEFAULT_API_HOST,
      description = "address of the HTTP API (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8474", description = "port of the HTTP API, 0 for any (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the toxics' random draws (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--event-loops", defaultValue = "1", description = "event loops moving bytes (default: ${DEFAULT-VALUE})")
  int eventLoops;

  @Option(names = "--proxy", paramLabel = "NAME=LISTEN=UPSTREAM",
      description = "a proxy to create at start, e.g. --proxy api=127.0.0.1:18080=127.0.0.1:8080 (repeatable)")
  List<String> proxies = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    List<String[]> parsed = new ArrayList<>();
    for (String p : proxies) {
      String[] parts = p.split("=");
      if (parts.length != 3) {
        spec.commandLine().getErr().println("twin proxy: --proxy must be NAME=LISTEN=UPSTREAM, was '" + p + "'");
        return ExitCodes.BAD_INPUT;
      }
      parsed.add(parts);
    }
    ProxyServerOptions options;
    try {
      options = ProxyServerOptions.defaults().withApi(host, port).withSeed(seed).withEventLoops(eventLoops);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("twin proxy: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    int status = ProxyMain.run(options, parsed, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    return status == 0 ? ExitCodes.PASS : ExitCodes.BAD_INPUT;
  }
}
