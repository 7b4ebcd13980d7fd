package io.perftwin.shaping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the kernel and the process can do for shaping, as found by {@code
 * io.perftwin.shaping.probe.CapabilityProbe} in a scratch namespace.
 *
 * @param root the process runs as root (uid 0)
 * @param namespaces a network namespace could be created
 * @param netem the netem qdisc exists
 * @param htb the HTB qdisc exists
 * @param tbf the TBF qdisc exists
 * @param ifb an IFB link could be created (ingress shaping through redirect)
 * @param ingress the ingress/clsact qdisc exists
 * @param nftables an nftables table with a {@code numgen random} rule could be created
 * @param iptablesStatistic an iptables rule with the {@code statistic} match could be added
 * @param notes why each missing capability is missing (tool output), for run.json and error messages
 */
public record Capabilities(
    boolean root,
    boolean namespaces,
    boolean netem,
    boolean htb,
    boolean tbf,
    boolean ifb,
    boolean ingress,
    boolean nftables,
    boolean iptablesStatistic,
    List<String> notes) {

  public Capabilities {
    notes = List.copyOf(notes);
  }

  /** Nothing kernel-side is usable (not root, or no namespaces); only the proxy remains. */
  public static Capabilities none(String why) {
    return new Capabilities(false, false, false, false, false, false, false, false, false, List.of(why));
  }

  /** Whether rate can be limited in the kernel (HTB or TBF). */
  public boolean kernelRate() {
    return htb || tbf;
  }

  /** Whether random loss can be applied in the kernel (nftables or iptables statistic). */
  public boolean kernelLoss() {
    return nftables || iptablesStatistic;
  }

  /** For run.json. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("root", root);
    m.put("namespaces", namespaces);
    m.put("netem", netem);
    m.put("htb", htb);
    m.put("tbf", tbf);
    m.put("ifb", ifb);
    m.put("ingress", ingress);
    m.put("nftables", nftables);
    m.put("iptablesStatistic", iptablesStatistic);
    m.put("notes", notes);
    return m;
  }
}
