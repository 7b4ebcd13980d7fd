package io.perftwin.shaping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a backend per knob, best first: {@code tc} (netem) when the kernel has it; otherwise
 * {@code kernel} for rate (HTB, else TBF) and random loss (nftables, else iptables statistic),
 * {@code proxy} for delay, jitter, distribution, correlation (the proxy's latency toxic has netem's
 * distributions) and the connection faults, and {@code none} with a reason for what nothing can
 * apply (duplicate, reorder, corrupt and Gilbert–Elliott loss without netem). Knobs a backend can only approximate are planned as approximations when the profile says
 * {@code approximate: true}, and as not applied otherwise. Pure: the same inputs give the same plan.
 */
public final class ShapingPlanner {
  private ShapingPlanner() {}

  public static ShapingPlan plan(NetworkProfile profile, Capabilities caps) {
    Builder b = new Builder(profile.approximate());
    for (Direction d : Direction.values()) {
      LinkImpairment link = profile.link(d);
      if (link.isEmpty()) {
        continue;
      }
      if (caps.netem()) {
        planNetem(b, d, link, caps);
      } else {
        planWithoutNetem(b, d, link, caps);
      }
    }
    planConnection(b, profile.connection());
    return new ShapingPlan(b.assignments, b.notApplied, b.toxics, profile.approximate(), caps);
  }

  private static void planNetem(Builder b, Direction d, LinkImpairment link, Capabilities caps) {
    String dir = d.key();
    String where = " on the " + dir + " sender's egress";
    for (String knob : link.knobsSet()) {
      String detail;
      if (knob.equals("rate")) {
        detail = caps.htb()
            ? "HTB class rate " + Units.bitRate(link.rateBitsPerSecond()) + " with a netem child" + where
            : "netem rate " + Units.bitRate(link.rateBitsPerSecond()) + where;
      } else {
        detail = "netem " + knob + " " + describe(link, knob) + where;
      }
      b.assign(knob, dir, Backend.TC, detail);
    }
  }

  private static void planWithoutNetem(Builder b, Direction d, LinkImpairment link, Capabilities caps) {
    String dir = d.key();
    String sender = " on the " + dir + " sender's egress";
    String receiver = " in the " + dir + " receiver's namespace (prerouting)";
    if (link.delay() != null || link.jitter() != null) {
      planProxyLatency(b, d, link);
    }
    if (link.distribution() != null) {
      b.assign("distribution", dir, Backend.PROXY, link.distribution().key() + " jitter of latency_" + dir);
    }
    if (link.correlationRatio() != null) {
      b.assign("correlation", dir, Backend.PROXY, Units.percent(link.correlationRatio()) + " correlation of latency_" + dir);
    }
    if (link.loss() instanceof LossModel.Random r) {
      if (caps.kernelLoss()) {
        b.assign("loss", dir, Backend.KERNEL, lossDetail(caps, r.ratio()) + receiver);
      } else {
        b.notApplied("loss", dir, "random loss needs netem, nftables or the iptables statistic match; none is available");
      }
    } else if (link.loss() instanceof LossModel.GilbertElliott ge) {
      if (caps.kernelLoss()) {
        b.approximate("loss", dir, Backend.KERNEL, lossDetail(caps, ge.meanLossRatio()) + receiver,
            "Gilbert–Elliott (bursty) loss needs netem; approximated by random loss at its mean "
                + Units.percent(ge.meanLossRatio()));
      } else {
        b.notApplied("loss", dir, "Gilbert–Elliott loss needs netem, which this kernel lacks");
      }
    }
    for (String knob : List.of("duplicate", "reorder", "corrupt")) {
      if (link.knob(knob) != null) {
        b.notApplied(knob, dir, knob + " needs netem, which this kernel lacks");
      }
    }
    if (link.rateBitsPerSecond() != null) {
      String rate = Units.bitRate(link.rateBitsPerSecond());
      if (caps.htb()) {
        b.assign("rate", dir, Backend.KERNEL, "HTB class rate " + rate + sender);
      } else if (caps.tbf()) {
        b.assign("rate", dir, Backend.KERNEL, "TBF rate " + rate + sender);
      } else {
        long kbPerSecond = Math.max(1, Math.round(link.rateBitsPerSecond() / 8000.0));
        String name = "bandwidth_link_" + dir;
        b.approximate("rate", dir, Backend.PROXY, name + ": " + kbPerSecond + " KB/s",
            "without HTB or TBF the proxy limits each connection, not the link");
        if (b.approximate) {
          b.toxics.add(new ProxyToxic(name, "bandwidth", ProxyToxic.stream(d), 1.0, Map.of("rate", kbPerSecond)));
        }
      }
    }
  }

  private static String lossDetail(Capabilities caps, double ratio) {
    return caps.nftables()
        ? "nftables table pt_shaping drops " + Units.percent(ratio) + " (numgen random)"
        : "iptables statistic match drops " + Units.percent(ratio);
  }

  private static void planProxyLatency(Builder b, Direction d, LinkImpairment link) {
    String dir = d.key();
    String name = "latency_" + dir;
    Duration delay = link.delay() == null ? Duration.ZERO : link.delay();
    Duration jitter = link.jitter() == null ? Duration.ZERO : link.jitter();
    long latencyMs = Math.round(delay.toNanos() / 1e6);
    long jitterMs = Math.round(jitter.toNanos() / 1e6);
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("latency", latencyMs);
    attrs.put("jitter", jitterMs);
    if (link.distribution() != null) {
      attrs.put("distribution", link.distribution().key());
    }
    if (link.correlationRatio() != null) {
      attrs.put("correlation", link.correlationRatio());
    }
    b.toxics.add(new ProxyToxic(name, "latency", ProxyToxic.stream(d), 1.0, attrs));
    for (String knob : List.of("delay", "jitter")) {
      Duration v = knob.equals("delay") ? link.delay() : link.jitter();
      if (v == null) {
        continue;
      }
      long ms = knob.equals("delay") ? latencyMs : jitterMs;
      String detail = name + " " + knob + " " + ms + "ms (per chunk of data, in the proxy)";
      if (v.toNanos() % 1_000_000L == 0) {
        b.assign(knob, dir, Backend.PROXY, detail);
      } else {
        b.approximate(knob, dir, Backend.PROXY, detail,
            "the proxy works in whole milliseconds; " + Units.duration(v) + " becomes " + ms + "ms");
      }
    }
  }

  private static void planConnection(Builder b, ConnectionFaults c) {
    List<Direction> dataDirections = c.direction() == null ? List.of(Direction.UP, Direction.DOWN) : List.of(c.direction());
    if (c.resetAfterBytes() != null) {
      for (Direction d : dataDirections) {
        String name = "reset_after_bytes_" + d.key();
        b.toxics.add(new ProxyToxic(name, "limit_data", ProxyToxic.stream(d), 1.0, Map.of("bytes", c.resetAfterBytes())));
      }
      b.assign("reset", "connection", Backend.PROXY, "reset after " + c.resetAfterBytes() + " bytes (limit_data)");
    }
    if (c.resetProbability() != null) {
      b.toxics.add(new ProxyToxic("reset_peer", "reset_peer", "upstream", c.resetProbability(), Map.of("timeout", 0L)));
      b.assign("reset", "connection", Backend.PROXY,
          "reset " + Units.percent(c.resetProbability()) + " of connections on open (reset_peer)");
    }
    if (c.timeout() != null) {
      b.toxics.add(new ProxyToxic("timeout", "timeout", "upstream", 1.0, Map.of("timeout", c.timeout().toMillis())));
      b.assign("timeout", "connection", Backend.PROXY, c.timeout().isZero()
          ? "black hole, connections never closed (timeout 0)"
          : "black hole, connections closed after " + Units.duration(c.timeout()));
    }
    if (c.slowClose() != null) {
      b.toxics.add(new ProxyToxic("slow_close", "slow_close", "downstream", 1.0, Map.of("delay", c.slowClose().toMillis())));
      b.assign("slowClose", "connection", Backend.PROXY, "close delayed by " + Units.duration(c.slowClose()));
    }
    if (c.bandwidthBytesPerSecond() != null) {
      long kb = Math.max(1, Math.round(c.bandwidthBytesPerSecond() / 1000.0));
      for (Direction d : dataDirections) {
        b.toxics.add(new ProxyToxic("bandwidth_" + d.key(), "bandwidth", ProxyToxic.stream(d), 1.0, Map.of("rate", kb)));
      }
      b.assign("bandwidth", "connection", Backend.PROXY, kb + " KB/s per connection");
    }
    if (c.slicer() != null) {
      ConnectionFaults.Slicer s = c.slicer();
      for (Direction d : dataDirections) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("average_size", s.averageSizeBytes());
        attrs.put("size_variation", s.sizeVariationBytes());
        attrs.put("delay", s.delay().toNanos() / 1000);
        b.toxics.add(new ProxyToxic("slicer_" + d.key(), "slicer", ProxyToxic.stream(d), 1.0, attrs));
      }
      b.assign("slicer", "connection", Backend.PROXY, "chunks of " + s.averageSizeBytes() + "±" + s.sizeVariationBytes()
          + " bytes, " + Units.duration(s.delay()) + " apart");
    }
  }

  /** A knob's value as netem spells it, for plan details. */
  static String describe(LinkImpairment link, String knob) {
    Object v = link.knob(knob);
    if (v instanceof Duration d) {
      return Units.duration(d);
    }
    if (v instanceof Double r) {
      return Units.percent(r);
    }
    if (v instanceof DelayDistribution dist) {
      return dist.key();
    }
    if (v instanceof LossModel.Random r) {
      return "random " + Units.percent(r.ratio());
    }
    if (v instanceof LossModel.GilbertElliott ge) {
      return "gemodel p " + Units.percent(ge.p()) + " r " + Units.percent(ge.r()) + " 1-h " + Units.percent(ge.oneMinusH())
          + " 1-k " + Units.percent(ge.oneMinusK());
    }
    return String.valueOf(v);
  }

  private static final class Builder {
    final boolean approximate;
    final List<ShapingPlan.Assignment> assignments = new ArrayList<>();
    final List<ShapingPlan.NotApplied> notApplied = new ArrayList<>();
    final List<ProxyToxic> toxics = new ArrayList<>();

    Builder(boolean approximate) {
      this.approximate = approximate;
    }

    void assign(String knob, String dir, Backend backend, String detail) {
      assignments.add(new ShapingPlan.Assignment(knob, dir, backend, detail, false));
    }

    void approximate(String knob, String dir, Backend backend, String detail, String why) {
      if (approximate) {
        assignments.add(new ShapingPlan.Assignment(knob, dir, backend, detail + " (approximation: " + why + ")", true));
      } else {
        notApplied.add(new ShapingPlan.NotApplied(knob, dir, why + "; only an approximation is possible"));
      }
    }

    void notApplied(String knob, String dir, String reason) {
      notApplied.add(new ShapingPlan.NotApplied(knob, dir, reason));
    }
  }
}
