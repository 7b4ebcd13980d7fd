package io.perftwin.shaping.proxy.internal;

import io.perftwin.shaping.proxy.ProxyException;

/** A {@code host:port} address as toxiproxy spells it ({@code [::1]:80} for IPv6, {@code :80} for all). */
record HostPort(String host, int port) {
  static HostPort parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new ProxyException(400, field + " is required (host:port)");
    }
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new ProxyException(400, field + " must be host:port, was '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      host = "0.0.0.0";
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new ProxyException(400, field + " must be host:port with a numeric port, was '" + text + "'");
    }
    if (port < 0 || port > 65535) {
      throw new ProxyException(400, field + " port must be between 0 and 65535, was " + port);
    }
    if (port == 0 && field.equals("upstream")) {
      throw new ProxyException(400, "upstream port must be between 1 and 65535, was 0");
    }
    return new HostPort(host, port);
  }
}
