package io.perftwin.shaping.proxy;

import java.util.List;

/**
 * One proxy as the API shows it. {@code listen} is the bound address (a requested port 0 is
 * replaced by the port actually opened).
 *
 * @param name unique name
 * @param listen host:port the proxy accepts on
 * @param upstream host:port it connects each accepted connection to
 * @param enabled false while the proxy is disabled (listener closed, connections dropped)
 * @param toxics toxics in the order they were added
 */
public record ProxyInfo(String name, String listen, String upstream, boolean enabled, List<ToxicSpec> toxics) {
  public ProxyInfo {
    toxics = List.copyOf(toxics);
  }

  /** The port part of {@link #listen()}. */
  public int listenPort() {
    return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
  }
}
