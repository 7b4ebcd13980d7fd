package io.perftwin.scenarios.parse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether a URL host is a loopback address, decided from the text alone (no name lookup):
 * {@code localhost}, an IPv4 literal in 127.0.0.0/8, or the IPv6 loopback {@code ::1} (also
 * written out in full or as an IPv4-mapped 127.x address).
 */
public final class Loopback {
  private Loopback() {}

  public static boolean isLoopbackHost(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1); // fully qualified form
    }
    if (h.equals("localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.contains(":")) {
      if (!h.matches("[0-9a-f:.]+")) {
        return false; // zone ids and anything else that is not a plain literal
      }
      try {
        // A literal with a colon is parsed, never looked up.
        InetAddress a = InetAddress.getByName(h);
        return a.isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return isLoopbackIpv4(h);
  }

  private static boolean isLoopbackIpv4(String h) {
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return Integer.parseInt(parts[0]) == 127;
  }
}
