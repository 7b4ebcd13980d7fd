package io.perftwin.shaping.kernel;

import io.perftwin.shaping.Backend;
import io.perftwin.shaping.Capabilities;
import io.perftwin.shaping.Direction;
import io.perftwin.shaping.LinkImpairment;
import io.perftwin.shaping.NetworkProfile;
import io.perftwin.shaping.ShapingException;
import io.perftwin.shaping.ShapingPlan;
import io.perftwin.shaping.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kernel backend for kernels without netem: link rate limits with HTB or TBF on a sender's
 * egress, and random loss with nftables ({@code numgen random}) or the iptables {@code statistic}
 * match on a receiver's prerouting hook. Everything happens inside the namespaces the caller names;
 * every method returns an {@link Applied} that removes exactly what it added.
 *
 * <p>Rate: a root qdisc {@code 1:} replaces the device's default root qdisc (one with handle
 * {@code 0:}); a device that already has a configured root qdisc is refused rather than clobbered.
 * Removal deletes the root qdisc, which restores the default. Loss: the nftables table {@value
 * #NFT_TABLE} (family inet: IPv4 and IPv6) holds one chain at priority -300 (before conntrack) that
 * drops packets arriving on the given device; the iptables variant (IPv4 only) adds one rule to the
 * raw table's PREROUTING chain, tagged with the comment {@value #NFT_TABLE}.
 */
public final class KernelShaper {
  /** The nftables table (and iptables rule comment) the loss backend owns. */
  public static final String NFT_TABLE = "pt_shaping";
  /** Loss thresholds are drawn from {@code numgen random mod} this, so the ratio resolution is 1e-6. */
  static final long LOSS_SCALE = 1_000_000;
  /** TBF queue: packets wait at most this long for tokens (tc's {@code latency}). */
  static final String TBF_LATENCY = "50ms";

  private KernelShaper() {}

  /** How to limit rate. */
  public enum RateMethod {
    HTB,
    TBF
  }

  /** How to drop packets at random. */
  public enum LossMethod {
    NFTABLES,
    IPTABLES
  }

  /**
   * Where the two ends of the link are: each direction is shaped at its sender's egress (rate) and
   * its receiver's ingress (loss). With {@code io.perftwin.infra.cluster.LocalCluster}: the node
   * namespaces and {@code eth0}.
   */
  public record Link(String loadgenNamespace, String loadgenDevice, String targetNamespace, String targetDevice) {
    String senderNamespace(Direction d) {
      return d == Direction.UP ? loadgenNamespace : targetNamespace;
    }

    String senderDevice(Direction d) {
      return d == Direction.UP ? loadgenDevice : targetDevice;
    }

    String receiverNamespace(Direction d) {
      return d == Direction.UP ? targetNamespace : loadgenNamespace;
    }

    String receiverDevice(Direction d) {
      return d == Direction.UP ? targetDevice : loadgenDevice;
    }
  }

  /**
   * Applies every {@link Backend#KERNEL} assignment of {@code plan}: rate at the sender's egress
   * (HTB when the capabilities have it, else TBF), loss at the receiver's prerouting (nftables when
   * available, else iptables; Gilbert–Elliott loss, when approximated, at its mean ratio). If a step
   * fails, the steps already done are undone before the exception propagates.
   */
  public static Applied apply(NetworkProfile profile, ShapingPlan plan, Link link) {
    Capabilities caps = plan.capabilities();
    Applied all = Applied.nothing();
    try {
      for (ShapingPlan.Assignment a : plan.assignments(Backend.KERNEL)) {
        Direction d = a.direction().equals("up") ? Direction.UP : Direction.DOWN;
        LinkImpairment l = profile.link(d);
        switch (a.knob()) {
          case "rate" -> all.and(limitRate(link.senderNamespace(d), link.senderDevice(d), l.rateBitsPerSecond(),
              caps.htb() ? RateMethod.HTB : RateMethod.TBF));
          case "loss" -> all.and(dropRandom(link.receiverNamespace(d), link.receiverDevice(d), l.loss().meanLossRatio(),
              caps.nftables() ? LossMethod.NFTABLES : LossMethod.IPTABLES, d.key()));
          default -> throw new ShapingException("the kernel backend cannot apply " + a.knob());
        }
      }
      return all;
    } catch (RuntimeException e) {
      try {
        all.close();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Limits the egress of {@code device} in {@code namespace} to {@code bitsPerSecond} (link layer bytes, Ethernet header included). */
  public static Applied limitRate(String namespace, String device, long bitsPerSecond, RateMethod method) {
    if (bitsPerSecond <= 0) {
      throw new IllegalArgumentException("rate must be > 0, was " + bitsPerSecond);
    }
    requireReplaceableRoot(namespace, device);
    String rate = bitsPerSecond + "bit";
    List<String> tc = List.of("tc", "-n", namespace);
    String what;
    if (method == RateMethod.HTB) {
      Cmd.check(concat(tc, "qdisc", "add", "dev", device, "root", "handle", "1:", "htb", "default", "1"));
      Applied a = Applied.of(namespace + ": HTB root on " + device, () -> deleteRoot(namespace, device));
      try {
        Cmd.check(concat(tc, "class", "add", "dev", device, "parent", "1:", "classid", "1:1", "htb", "rate", rate, "ceil", rate,
            "burst", htbBurstBytes(bitsPerSecond) + "b", "cburst", htbBurstBytes(bitsPerSecond) + "b", "quantum", "1514"));
      } catch (RuntimeException e) {
        a.close();
        throw e;
      }
      return a;
    }
    long burst = tbfBurstBytes(bitsPerSecond);
    Cmd.check(concat(tc, "qdisc", "add", "dev", device, "root", "handle", "1:", "tbf", "rate", rate, "burst", burst + "b",
        "latency", TBF_LATENCY));
    what = namespace + ": TBF rate " + Units.bitRate(bitsPerSecond) + " on " + device;
    return Applied.of(what, () -> deleteRoot(namespace, device));
  }

  /** HTB bucket: 10 ms at the rate, at least 10 full frames. */
  static long htbBurstBytes(long bitsPerSecond) {
    return Math.max(15_140, bitsPerSecond / 8 / 100);
  }

  /** TBF bucket: 10 ms at the rate, at least 16 KiB (several full frames, more than rate/HZ). */
  static long tbfBurstBytes(long bitsPerSecond) {
    return Math.max(16_384, bitsPerSecond / 8 / 100);
  }

  /**
   * Drops packets arriving on {@code device} in {@code namespace} with probability {@code ratio}.
   *
   * @param label a word for the chain name (nftables) so two directions in one namespace don't clash, e.g. {@code up}
   */
  public static Applied dropRandom(String namespace, String device, double ratio, LossMethod method, String label) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("loss must be between 0% and 100%, was " + Units.percent(ratio));
    }
    if (!label.matches("[a-z][a-z0-9_]{0,15}")) {
      throw new IllegalArgumentException("label must be 1-16 of [a-z0-9_] starting with a letter, was '" + label + "'");
    }
    if (!device.matches("[A-Za-z0-9_.@-]{1,15}")) {
      throw new IllegalArgumentException("device must be an interface name, was '" + device + "'");
    }
    long threshold = Math.round(ratio * LOSS_SCALE);
    if (method == LossMethod.NFTABLES) {
      String chain = "loss_" + label;
      Cmd.Result exists = Cmd.run(Cmd.inNamespace(namespace, List.of("nft", "list", "table", "inet", NFT_TABLE)));
      boolean createdTable = !exists.ok();
      String script = (createdTable ? "add table inet " + NFT_TABLE + "; " : "")
          + "add chain inet " + NFT_TABLE + " " + chain + " { type filter hook prerouting priority -300; policy accept; }; "
          + "add rule inet " + NFT_TABLE + " " + chain + " iifname \"" + device + "\" numgen random mod " + LOSS_SCALE + " < "
          + threshold + " counter drop";
      if (!createdTable && Cmd.run(Cmd.inNamespace(namespace, List.of("nft", "list", "chain", "inet", NFT_TABLE, chain))).ok()) {
        throw new ShapingException(namespace + ": nftables chain inet " + NFT_TABLE + " " + chain
            + " already exists (shaping already applied, or a leftover); remove it or the namespace first");
      }
      Cmd.check(Cmd.inNamespace(namespace, List.of("nft", script)));
      String what = namespace + ": nftables inet " + NFT_TABLE + " " + chain + " drops " + Units.percent(ratio) + " on " + device;
      return Applied.of(what, () -> {
        List<String> del = createdTable
            ? List.of("nft", "delete", "table", "inet", NFT_TABLE)
            : List.of("nft", "delete", "chain", "inet", NFT_TABLE, chain);
        undo(namespace, Cmd.inNamespace(namespace, del));
      });
    }
    List<String> rule = List.of("PREROUTING", "-i", device, "-m", "statistic", "--mode", "random", "--probability",
        String.format(Locale.ROOT, "%.6f", threshold / (double) LOSS_SCALE), "-m", "comment", "--comment", NFT_TABLE + "_" + label,
        "-j", "DROP");
    Cmd.check(Cmd.inNamespace(namespace, concat(List.of("iptables", "-w", "-t", "raw", "-A"), rule.toArray(String[]::new))));
    String what = namespace + ": iptables raw PREROUTING statistic drops " + Units.percent(ratio) + " on " + device;
    return Applied.of(what,
        () -> undo(namespace, Cmd.inNamespace(namespace, concat(List.of("iptables", "-w", "-t", "raw", "-D"), rule.toArray(String[]::new)))));
  }

  /**
   * Packets dropped so far by the nftables loss chain {@code loss_<label>} in {@code namespace}, read
   * from its counter; -1 when the chain does not exist.
   */
  public static long droppedPackets(String namespace, String label) {
    Cmd.Result r = Cmd.run(Cmd.inNamespace(namespace, List.of("nft", "list", "chain", "inet", NFT_TABLE, "loss_" + label)));
    if (!r.ok()) {
      return -1;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("counter packets (\\d+)").matcher(r.stdout());
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static void requireReplaceableRoot(String namespace, String device) {
    Cmd.Result show = Cmd.check("tc", "-n", namespace, "qdisc", "show", "dev", device, "root");
    String line = show.stdout().strip();
    // "qdisc noqueue 0: root refcnt 2": handle 0: is the kernel's default; anything else was configured by someone.
    String[] f = line.split("\\s+");
    if (f.length >= 3 && !f[2].equals("0:")) {
      throw new ShapingException(namespace + ": " + device + " already has a configured root qdisc (" + line
          + "); perftwin does not replace it — remove it first");
    }
  }

  private static void deleteRoot(String namespace, String device) {
    undo(namespace, List.of("tc", "-n", namespace, "qdisc", "del", "dev", device, "root"));
  }

  /** Runs an undo command; a namespace, device or rule that is already gone counts as undone. */
  private static void undo(String namespace, List<String> command) {
    Cmd.Result r = Cmd.run(command);
    if (r.ok()) {
      return;
    }
    String err = (r.stderr() + r.stdout()).toLowerCase(Locale.ROOT);
    boolean gone = err.contains("cannot open network namespace") || err.contains("cannot find device")
        || err.contains("no such file or directory") || err.contains("does a matching rule exist")
        || err.contains("cannot delete qdisc with handle of zero") || err.contains("invalid handle");
    if (!gone) {
      throw new ShapingException(r.describe());
    }
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> c = new ArrayList<>(head);
    c.addAll(List.of(tail));
    return c;
  }
}
