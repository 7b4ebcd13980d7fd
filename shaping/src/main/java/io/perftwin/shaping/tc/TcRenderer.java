package io.perftwin.shaping.tc;

import io.perftwin.shaping.Direction;
import io.perftwin.shaping.LinkImpairment;
import io.perftwin.shaping.LossModel;
import io.perftwin.shaping.NetworkProfile;
import io.perftwin.shaping.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link NetworkProfile} into tc/netem commands for one interface of the load generator
 * host: {@code up} is shaped on the interface's egress, {@code down} on its ingress by redirecting
 * it to an IFB device and shaping that device's egress.
 *
 * <p>Per shaped side: with a rate, an HTB root {@code 1:} whose only class {@code 1:1} has {@code
 * rate = ceil} the rate, and a netem child {@code 10:} for the other knobs; without a rate, netem as
 * the root {@code 10:}. netem's queue limit is raised to {@value #NETEM_LIMIT} packets so a long
 * delay at a high rate does not itself drop packets. When loss is set, TSO/GSO/GRO are switched off
 * on the interface so the loss ratio applies to real packets and not to 64 KB offload
 * super-packets. The output is deterministic: the same profile and names give the same text.
 */
public final class TcRenderer {
  /** netem queue length, in packets. */
  public static final int NETEM_LIMIT = 100_000;

  private TcRenderer() {}

  /**
   * The script for {@code device}, with {@code ifb} as the IFB device for the ingress side (only
   * created when {@code down} has knobs).
   */
  public static TcScript render(NetworkProfile profile, String device, String ifb) {
    List<List<String>> setup = new ArrayList<>();
    List<List<String>> teardown = new ArrayList<>();
    boolean loss = profile.up().loss() != null || profile.down().loss() != null;
    if (loss) {
      setup.add(List.of("ethtool", "-K", device, "tso", "off", "gso", "off", "gro", "off"));
    }
    if (!profile.up().isEmpty()) {
      egress(setup, device, profile.up());
      teardown.add(List.of("tc", "qdisc", "del", "dev", device, "root"));
    }
    if (!profile.down().isEmpty()) {
      setup.add(List.of("ip", "link", "add", ifb, "type", "ifb"));
      setup.add(List.of("ip", "link", "set", "dev", ifb, "up"));
      setup.add(List.of("tc", "qdisc", "add", "dev", device, "handle", "ffff:", "ingress"));
      setup.add(List.of("tc", "filter", "add", "dev", device, "parent", "ffff:", "protocol", "all", "u32", "match", "u32", "0",
          "0", "action", "mirred", "egress", "redirect", "dev", ifb));
      egress(setup, ifb, profile.down());
      teardown.add(List.of("tc", "qdisc", "del", "dev", device, "ingress"));
      teardown.add(List.of("ip", "link", "del", ifb));
    }
    if (loss) {
      teardown.add(List.of("ethtool", "-K", device, "tso", "on", "gso", "on", "gro", "on"));
    }
    String title = "perftwin shaping on " + device + ": up " + summary(profile.up()) + "; down " + summary(profile.down());
    return new TcScript(title, setup, teardown);
  }

  /**
   * The script that shapes one direction on its sender's egress only (no IFB), for a topology where
   * each end is its own namespace, such as the local cluster: run it in the sender's namespace.
   */
  public static TcScript renderEgress(LinkImpairment link, Direction direction, String device) {
    List<List<String>> setup = new ArrayList<>();
    List<List<String>> teardown = new ArrayList<>();
    if (link.loss() != null) {
      setup.add(List.of("ethtool", "-K", device, "tso", "off", "gso", "off", "gro", "off"));
    }
    if (!link.isEmpty()) {
      egress(setup, device, link);
      teardown.add(List.of("tc", "qdisc", "del", "dev", device, "root"));
    }
    if (link.loss() != null) {
      teardown.add(List.of("ethtool", "-K", device, "tso", "on", "gso", "on", "gro", "on"));
    }
    return new TcScript("perftwin shaping, " + direction.key() + " egress on " + device + ": " + summary(link), setup, teardown);
  }

  private static void egress(List<List<String>> out, String dev, LinkImpairment l) {
    List<String> netem = netemArgs(l);
    if (l.rateBitsPerSecond() != null) {
      String rate = Units.bitRate(l.rateBitsPerSecond());
      out.add(List.of("tc", "qdisc", "add", "dev", dev, "root", "handle", "1:", "htb", "default", "1"));
      out.add(List.of("tc", "class", "add", "dev", dev, "parent", "1:", "classid", "1:1", "htb", "rate", rate, "ceil", rate));
      if (!netem.isEmpty()) {
        List<String> c = new ArrayList<>(List.of("tc", "qdisc", "add", "dev", dev, "parent", "1:1", "handle", "10:", "netem"));
        c.addAll(netem);
        out.add(c);
      }
    } else if (!netem.isEmpty()) {
      List<String> c = new ArrayList<>(List.of("tc", "qdisc", "add", "dev", dev, "root", "handle", "10:", "netem"));
      c.addAll(netem);
      out.add(c);
    }
  }

  /** netem's arguments for every knob but rate; empty when only rate is set. */
  static List<String> netemArgs(LinkImpairment l) {
    List<String> a = new ArrayList<>();
    if (l.delay() == null && l.jitter() == null && l.loss() == null && l.duplicateRatio() == null && l.reorderRatio() == null
        && l.corruptRatio() == null) {
      return a;
    }
    a.add("limit");
    a.add(Integer.toString(NETEM_LIMIT));
    if (l.delay() != null || l.jitter() != null) {
      a.add("delay");
      a.add(time(l.delay() == null ? Duration.ZERO : l.delay()));
      if (l.jitter() != null) {
        a.add(time(l.jitter()));
        if (l.correlationRatio() != null) {
          a.add(Units.percent(l.correlationRatio()));
        }
        if (l.distribution() != null) {
          a.add("distribution");
          a.add(l.distribution().key());
        }
      }
    }
    if (l.loss() instanceof LossModel.Random r) {
      a.addAll(List.of("loss", "random", Units.percent(r.ratio())));
    } else if (l.loss() instanceof LossModel.GilbertElliott ge) {
      a.addAll(List.of("loss", "gemodel", Units.percent(ge.p()), Units.percent(ge.r()), Units.percent(ge.oneMinusH()),
          Units.percent(ge.oneMinusK())));
    }
    if (l.duplicateRatio() != null) {
      a.addAll(List.of("duplicate", Units.percent(l.duplicateRatio())));
    }
    if (l.reorderRatio() != null) {
      a.addAll(List.of("reorder", Units.percent(l.reorderRatio())));
    }
    if (l.corruptRatio() != null) {
      a.addAll(List.of("corrupt", Units.percent(l.corruptRatio())));
    }
    return a;
  }

  /** tc time: whole ms as {@code 20ms}, else microseconds {@code 1500us}. */
  private static String time(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0ms";
    }
    if (nanos % 1_000_000 == 0) {
      return nanos / 1_000_000 + "ms";
    }
    return Units.number(nanos / 1000.0) + "us";
  }

  private static String summary(LinkImpairment l) {
    if (l.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (String k : l.knobsSet()) {
      Object v = l.knob(k);
      String s;
      if (v instanceof Duration d) {
        s = time(d);
      } else if (v instanceof Double r) {
        s = Units.percent(r);
      } else if (v instanceof Long rate) {
        s = Units.bitRate(rate);
      } else if (v instanceof LossModel.Random r) {
        s = Units.percent(r.ratio());
      } else if (v instanceof LossModel.GilbertElliott ge) {
        s = "gemodel";
      } else {
        s = v.toString().toLowerCase(java.util.Locale.ROOT);
      }
      parts.add(k + " " + s);
    }
    return String.join(", ", parts);
  }
}
