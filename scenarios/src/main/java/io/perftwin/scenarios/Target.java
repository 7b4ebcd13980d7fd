package io.perftwin.scenarios;

import io.perftwin.infra.DemoServiceConfig;
import java.net.URI;

/**
 * What the load goes to: the built-in demo service (started by the run), or a URL.
 *
 * @param demo demo service configuration when {@code service: demo}, else null
 * @param url target URL when {@code url:} is given, else null
 * @param allowNonLoopback true only if the scenario says {@code allowNonLoopback: true}; without
 *     it a URL must point at a loopback address
 */
public record Target(DemoServiceConfig demo, URI url, boolean allowNonLoopback) {
  public Target {
    if ((demo == null) == (url == null)) {
      throw new IllegalArgumentException("exactly one of demo or url");
    }
  }

  public boolean isDemo() {
    return demo != null;
  }
}
