package io.perftwin.infra.terraform;

import io.perftwin.infra.topology.LinkSpec;
import io.perftwin.infra.topology.NodeSpec;
import io.perftwin.infra.topology.Topology;
import io.perftwin.shaping.NetworkProfile;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shell script the NET_ADMIN init container of a staging pod runs to shape its links with
 * {@code tc} and netem.
 *
 * <p>A link {@code from → to} with a profile is shaped at both ends, so that, as locally, the delay
 * applies once in each direction: the caller's pods send to the callee's Service address through a
 * netem band (the address comes from the {@code <TO>_SERVICE_HOST} variable Kubernetes sets for
 * Services that exist before the pod, hence the stack's {@code depends_on}); the callee's pods send
 * replies from the service port through a netem band with the same profile. Layout on {@code eth0}:
 * a {@code prio} root whose priomap sends everything to band 1 (unshaped); bands 2… carry netem, one
 * per shaped path, selected by {@code u32} filters.
 *
 * <p>Limits of staging (reported by {@link #stagingProblems(Topology)}): only the four knobs
 * delay, jitter, random loss and rate, equal in both directions, are rendered; replies are matched by
 * source port only, so all shaped links into one node must share one profile; a pod has at most
 * {@value #MAX_SHAPED_PATHS} shaped paths.
 */
public final class NetemScript {
  /** prio has at most 16 bands; band 1 is the unshaped default. */
  public static final int MAX_SHAPED_PATHS = 15;

  private NetemScript() {}

  /** Problems that only matter in staging, one line each with the scenario path. */
  public static List<String> stagingProblems(Topology topology) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < topology.links().size(); i++) {
      List<String> extra = unrendered(topology.links().get(i).profile());
      if (!extra.isEmpty()) {
        problems.add("environment.links[" + i + "].network: staging applies delay, jitter, loss (random) and rate,"
            + " the same in both directions; not " + String.join(", ", extra));
      }
    }
    for (NodeSpec node : topology.nodes()) {
      NetworkProfile first = null;
      for (LinkSpec link : topology.linksTo(node.name())) {
        if (link.profile().isEmpty()) {
          continue;
        }
        if (first == null) {
          first = link.profile();
        } else if (!first.equals(link.profile())) {
          problems.add("environment.links[" + topology.links().indexOf(link) + "].network: staging shapes the replies of '"
              + node.name() + "' by source port, so every shaped link into it needs the same network profile");
          break;
        }
      }
      int paths = shapedOutgoing(topology, node).size() + (first == null ? 0 : 1);
      if (paths > MAX_SHAPED_PATHS) {
        problems.add("environment.nodes[" + topology.nodes().indexOf(node) + "]: '" + node.name() + "' has " + paths
            + " shaped paths; staging supports at most " + MAX_SHAPED_PATHS + " per node");
      }
    }
    return problems;
  }

  /** The script for {@code node}'s pods, or empty if none of its links is shaped. */
  public static Optional<String> script(Topology topology, NodeSpec node) {
    List<LinkSpec> out = shapedOutgoing(topology, node);
    Optional<LinkSpec> in = topology.linksTo(node.name()).stream().filter(l -> !l.profile().isEmpty()).findFirst();
    if (out.isEmpty() && in.isEmpty()) {
      return Optional.empty();
    }
    int bands = Math.max(3, 1 + out.size() + (in.isPresent() ? 1 : 0));
    StringBuilder s = new StringBuilder("set -e\n");
    s.append("tc qdisc add dev eth0 root handle 1: prio bands ").append(bands).append(" priomap")
        .append(" 0".repeat(16)).append('\n');
    int band = 2;
    for (LinkSpec link : out) {
      String var = serviceHostVariable(link.to());
      s.append("[ -n \"$").append(var).append("\" ] || { echo \"perftwin netem: no address for service '")
          .append(link.to()).append("' (").append(var).append(" unset)\" >&2; exit 1; }\n");
      s.append("tc qdisc add dev eth0 parent 1:").append(band).append(" handle ").append(band).append("0: netem ")
          .append(netemArguments(link.profile())).append('\n');
      s.append("tc filter add dev eth0 parent 1: protocol ip prio 1 u32 match ip dst \"$").append(var)
          .append("\"/32 flowid 1:").append(band).append("\n");
      band++;
    }
    if (in.isPresent()) {
      s.append("tc qdisc add dev eth0 parent 1:").append(band).append(" handle ").append(band).append("0: netem ")
          .append(netemArguments(in.get().profile())).append('\n');
      s.append("tc filter add dev eth0 parent 1: protocol ip prio 2 u32 match ip sport ").append(node.run().port())
          .append(" 0xffff flowid 1:").append(band).append('\n');
    }
    s.append("tc qdisc show dev eth0\n");
    return Optional.of(s.toString());
  }

  /** netem's arguments for {@code profile}: {@code delay 20ms 5ms loss 0.1% rate 100000000bit}. */
  public static String netemArguments(NetworkProfile profile) {
    List<String> parts = new ArrayList<>();
    if (profile.delay() != null || profile.jitter() != null) {
      parts.add("delay " + tcTime(profile.delay() == null ? Duration.ZERO : profile.delay()));
      if (profile.jitter() != null) {
        parts.add(tcTime(profile.jitter()));
      }
    }
    if (profile.lossRatio() != null) {
      parts.add("loss " + plain(BigDecimal.valueOf(profile.lossRatio()).movePointRight(2)) + "%");
    }
    if (profile.rateBitsPerSecond() != null) {
      parts.add("rate " + profile.rateBitsPerSecond() + "bit");
    }
    return String.join(" ", parts);
  }

  /** Knobs of {@code profile} that {@link #netemArguments} would not render. */
  static List<String> unrendered(NetworkProfile profile) {
    List<String> rendered = new ArrayList<>();
    if (profile.delay() != null) {
      rendered.add("delay");
    }
    if (profile.jitter() != null) {
      rendered.add("jitter");
    }
    if (profile.lossRatio() != null) {
      rendered.add("loss");
    }
    if (profile.rateBitsPerSecond() != null) {
      rendered.add("rate");
    }
    return profile.knobsSet().stream().filter(k -> !rendered.contains(k)).toList();
  }

  /** The variable Kubernetes sets in pods for the Service {@code name}: {@code API_SERVICE_HOST}. */
  public static String serviceHostVariable(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_') + "_SERVICE_HOST";
  }

  private static List<LinkSpec> shapedOutgoing(Topology topology, NodeSpec node) {
    return topology.links().stream().filter(l -> l.from().equals(node.name()) && !l.profile().isEmpty()).toList();
  }

  /** Whole milliseconds as {@code 20ms}, anything finer as microseconds ({@code 1500us}). */
  private static String tcTime(Duration d) {
    long micros = d.toNanos() / 1000;
    return micros % 1000 == 0 ? (micros / 1000) + "ms" : micros + "us";
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
