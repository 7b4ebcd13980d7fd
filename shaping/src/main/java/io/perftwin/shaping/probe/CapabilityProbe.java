package io.perftwin.shaping.probe;

import io.perftwin.shaping.Capabilities;
import io.perftwin.shaping.kernel.Cmd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Finds out what shaping the kernel supports by trying it in a scratch network namespace {@code
 * pt-probe-<pid>-<4 hex>}: a veth pair inside it receives a netem, an HTB, a TBF and a clsact qdisc
 * in turn, an IFB link is created, an nftables table with a {@code numgen random} drop rule and an
 * iptables rule with the {@code statistic} match are added. The namespace (and with it everything
 * inside) is deleted on every path; {@link io.perftwin.shaping.ShapingLeftovers} removes the ones a
 * killed process left behind. Nothing outside the scratch namespace is touched. Takes a few
 * hundredths of a second.
 */
public final class CapabilityProbe {
  /** Scratch namespaces are named {@value}{@code <pid>-<4 hex>}. */
  public static final String NAMESPACE_PREFIX = "pt-probe-";

  private CapabilityProbe() {}

  /** Probes this machine. */
  public static Capabilities probe() {
    if (!isRoot()) {
      return Capabilities.none("not root: kernel shaping needs root (or CAP_NET_ADMIN); only the shaping proxy is available");
    }
    String ns = NAMESPACE_PREFIX + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(randomBytes(2));
    Cmd.Result add = Cmd.run("ip", "netns", "add", ns);
    if (!add.ok()) {
      return new Capabilities(true, false, false, false, false, false, false, false, false,
          List.of("no network namespaces: " + add.describe()));
    }
    try {
      return probeIn(ns);
    } finally {
      Cmd.run("ip", "netns", "del", ns);
    }
  }

  private static Capabilities probeIn(String ns) {
    List<String> notes = new ArrayList<>();
    Cmd.Result veth = Cmd.run("ip", "-n", ns, "link", "add", "pv0", "type", "veth", "peer", "name", "pv1");
    boolean haveDev = veth.ok();
    if (!haveDev) {
      notes.add("no veth, qdiscs not probed: " + veth.describe());
    }
    boolean netem = haveDev && qdisc(ns, notes, "netem", "delay", "1ms");
    boolean htb = haveDev && qdisc(ns, notes, "htb", "default", "1");
    boolean tbf = haveDev && qdisc(ns, notes, "tbf", "rate", "1mbit", "burst", "32kbit", "latency", "50ms");
    boolean ingress = haveDev && ok(notes, "clsact",
        Cmd.run("tc", "-n", ns, "qdisc", "add", "dev", "pv0", "clsact"));
    boolean ifb = ok(notes, "ifb", Cmd.run("ip", "-n", ns, "link", "add", "pifb0", "type", "ifb"));
    boolean nft = ok(notes, "nftables", Cmd.run(Cmd.inNamespace(ns, List.of("nft",
        "add table inet pt_probe; add chain inet pt_probe c { type filter hook prerouting priority -150; }; "
            + "add rule inet pt_probe c numgen random mod 1000000 < 1 drop"))));
    boolean ipt = ok(notes, "iptables statistic", Cmd.run(Cmd.inNamespace(ns, List.of("iptables", "-w", "-t", "raw", "-A",
        "PREROUTING", "-m", "statistic", "--mode", "random", "--probability", "0.000001", "-m", "comment", "--comment",
        "pt_probe", "-j", "DROP"))));
    return new Capabilities(true, true, netem, htb, tbf, ifb, ingress, nft, ipt, notes);
  }

  private static boolean qdisc(String ns, List<String> notes, String kind, String... args) {
    List<String> c = new ArrayList<>(List.of("tc", "-n", ns, "qdisc", "add", "dev", "pv0", "root", "handle", "1:", kind));
    c.addAll(List.of(args));
    boolean ok = ok(notes, kind, Cmd.run(c));
    if (ok) {
      Cmd.run("tc", "-n", ns, "qdisc", "del", "dev", "pv0", "root");
    }
    return ok;
  }

  private static boolean ok(List<String> notes, String what, Cmd.Result r) {
    if (!r.ok()) {
      notes.add("no " + what + ": " + r.describe());
    }
    return r.ok();
  }

  static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return uid instanceof Integer i && i == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
