package io.perftwin.shaping.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces {@code pt-shtest-<pid>-a} and {@code -b} joined by a veth pair ({@code va}
 * 10.99.0.1 in a, {@code vb} 10.99.0.2 in b), for the privileged shaping tests. {@link #close()}
 * kills the peers started here and deletes both namespaces.
 */
final class TestNet implements AutoCloseable {
  static final String PREFIX = "pt-shtest-" + ProcessHandle.current().pid() + "-";
  static final String A_ADDR = "10.99.0.1";
  static final String B_ADDR = "10.99.0.2";
  final String a;
  final String b;
  private final List<Process> peers = new ArrayList<>();

  TestNet(String name) {
    a = PREFIX + name + "-a";
    b = PREFIX + name + "-b";
    try {
      Cmd.check("ip", "netns", "add", a);
      Cmd.check("ip", "netns", "add", b);
      // No IPv6: no router/neighbour solicitations on the link, so counters see only the test traffic.
      for (String ns : List.of(a, b)) {
        Cmd.check("ip", "netns", "exec", ns, "sh", "-c",
            "echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6 && echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6");
        // Socket buffers big enough that a sender blocked on a full buffer is not what limits the link
        // (per-namespace on recent kernels; best effort elsewhere).
        Cmd.run("ip", "netns", "exec", ns, "sh", "-c",
            "echo 8388608 > /proc/sys/net/core/wmem_max; echo 8388608 > /proc/sys/net/core/rmem_max");
      }
      Cmd.check("ip", "-n", a, "link", "add", "va", "type", "veth", "peer", "name", "vb", "netns", b);
      Cmd.check("ip", "-n", a, "addr", "add", A_ADDR + "/24", "dev", "va");
      Cmd.check("ip", "-n", b, "addr", "add", B_ADDR + "/24", "dev", "vb");
      for (String[] nd : new String[][] {{a, "va"}, {b, "vb"}, {a, "lo"}, {b, "lo"}}) {
        Cmd.check("ip", "-n", nd[0], "link", "set", nd[1], "up");
      }
      // Static neighbours: no ARP round trip, so the first datagrams of a burst are not held back or dropped.
      Cmd.check("ip", "-n", a, "neigh", "replace", B_ADDR, "lladdr", mac(b, "vb"), "dev", "va", "nud", "permanent");
      Cmd.check("ip", "-n", b, "neigh", "replace", A_ADDR, "lladdr", mac(a, "va"), "dev", "vb", "nud", "permanent");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts {@link FidelityPeer} with {@code args} in {@code namespace}. */
  Process peer(String namespace, String... args) throws IOException {
    List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", namespace, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xmx64m", "-cp", System.getProperty("java.class.path"), FidelityPeer.class.getName()));
    c.addAll(List.of(args));
    Process p = new ProcessBuilder(c).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    peers.add(p);
    return p;
  }

  /** Reads the peer's next output line, which must start with {@code prefix}; returns the rest. */
  static String expectLine(Process p, String prefix) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    if (line == null || !line.startsWith(prefix)) {
      throw new IllegalStateException("peer said '" + line + "', expected '" + prefix + "…'");
    }
    return line.substring(prefix.length()).strip();
  }

  /** Bytes received on {@code device} in {@code namespace} (link layer, Ethernet header included). */
  static long rxBytes(String namespace, String device) throws IOException {
    String json = Cmd.check("ip", "-n", namespace, "-j", "-s", "link", "show", "dev", device).stdout();
    JsonNode n = new ObjectMapper().readTree(json).get(0).get("stats64").get("rx");
    return n.get("bytes").asLong();
  }

  static String mac(String namespace, String device) {
    try {
      String json = Cmd.check("ip", "-n", namespace, "-j", "link", "show", "dev", device).stdout();
      return new ObjectMapper().readTree(json).get(0).get("address").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A counter from the namespace's /proc/net/snmp, e.g. {@code Udp RcvbufErrors}. */
  static long snmp(String namespace, String group, String field) {
    String[] lines = Cmd.check("ip", "netns", "exec", namespace, "cat", "/proc/net/snmp").stdout().split("\n");
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].startsWith(group + ":") && lines[i + 1].startsWith(group + ":")) {
        String[] names = lines[i].split("\\s+");
        String[] values = lines[i + 1].split("\\s+");
        for (int j = 1; j < names.length; j++) {
          if (names[j].equals(field)) {
            return Long.parseLong(values[j]);
          }
        }
      }
    }
    throw new IllegalStateException("no " + group + " " + field + " in /proc/net/snmp of " + namespace);
  }

  /** The namespaces of this test process that still exist. */
  static List<String> ourNamespaces() {
    List<String> ours = new ArrayList<>();
    for (String line : Cmd.check("ip", "netns", "list").stdout().split("\n")) {
      String name = line.strip().split("\\s+")[0];
      if (name.startsWith(PREFIX)) {
        ours.add(name);
      }
    }
    return ours;
  }

  static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    for (Process p : peers) {
      p.destroyForcibly();
      try {
        p.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Cmd.run("ip", "netns", "del", a);
    Cmd.run("ip", "netns", "del", b);
  }
}
