package io.perftwin.shaping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Packet-level conditions in one direction. A {@code null} knob is not set. Ratios are 0–1.
 *
 * <p>{@code delay} is one-way: set on both directions (the usual case), a request/response exchange
 * on a warm connection slows by {@code 2 × delay}.
 *
 * @param delay added one-way delay, ≥ 0
 * @param jitter spread of the delay, ≥ 0; without {@code delay} it spreads around 0 (negative delays count as 0)
 * @param distribution shape of the jitter; needs {@code jitter} (netem's default is uniform)
 * @param correlationRatio how much each packet's delay depends on the previous one's, 0–1; needs {@code jitter}
 * @param loss how packets are dropped
 * @param duplicateRatio fraction of packets sent twice
 * @param reorderRatio fraction of packets sent at once, ahead of delayed ones; needs {@code delay > 0}
 * @param corruptRatio fraction of packets with one flipped bit
 * @param rateBitsPerSecond link rate limit, > 0
 */
public record LinkImpairment(
    Duration delay,
    Duration jitter,
    DelayDistribution distribution,
    Double correlationRatio,
    LossModel loss,
    Double duplicateRatio,
    Double reorderRatio,
    Double corruptRatio,
    Long rateBitsPerSecond) {

  /** Knob names in scenario-file spelling, in the order {@link #knobsSet()} reports them. */
  public static final List<String> KNOBS =
      List.of("delay", "jitter", "distribution", "correlation", "loss", "duplicate", "reorder", "corrupt", "rate");

  public static final LinkImpairment NONE = new LinkImpairment(null, null, null, null, null, null, null, null, null);

  public LinkImpairment {
    Checks.nonNegative("delay", delay);
    Checks.nonNegative("jitter", jitter);
    if (distribution != null && jitter == null) {
      throw new IllegalArgumentException("distribution needs jitter (it shapes the jitter around the delay)");
    }
    Checks.ratio("correlation", correlationRatio);
    if (correlationRatio != null && jitter == null) {
      throw new IllegalArgumentException("correlation needs jitter (it correlates successive delays)");
    }
    Checks.ratio("duplicate", duplicateRatio);
    Checks.ratio("reorder", reorderRatio);
    if (reorderRatio != null && reorderRatio > 0 && (delay == null || delay.isZero())) {
      throw new IllegalArgumentException("reorder needs delay > 0 (reordered packets are the ones sent without the delay)");
    }
    Checks.ratio("corrupt", corruptRatio);
    Checks.positive("rate", rateBitsPerSecond);
  }

  /** Delay, jitter, random loss and rate: the four knobs of the first profile format. */
  public static LinkImpairment of(Duration delay, Duration jitter, Double lossRatio, Long rateBitsPerSecond) {
    return new LinkImpairment(delay, jitter, null, null, lossRatio == null ? null : new LossModel.Random(lossRatio),
        null, null, null, rateBitsPerSecond);
  }

  /** The value of a knob by its scenario-file name, or {@code null} when not set. */
  public Object knob(String name) {
    return switch (name) {
      case "delay" -> delay;
      case "jitter" -> jitter;
      case "distribution" -> distribution;
      case "correlation" -> correlationRatio;
      case "loss" -> loss;
      case "duplicate" -> duplicateRatio;
      case "reorder" -> reorderRatio;
      case "corrupt" -> corruptRatio;
      case "rate" -> rateBitsPerSecond;
      default -> throw new IllegalArgumentException("unknown knob '" + name + "'; knobs: " + String.join(", ", KNOBS));
    };
  }

  /** The names of the knobs that are set, in {@link #KNOBS} order. */
  public List<String> knobsSet() {
    List<String> set = new ArrayList<>();
    for (String k : KNOBS) {
      if (knob(k) != null) {
        set.add(k);
      }
    }
    return set;
  }

  public boolean isEmpty() {
    return knobsSet().isEmpty();
  }

  /** Whether anything besides {@code rate} and random loss is set (those two have a kernel backend without netem). */
  public boolean needsNetem() {
    return delay != null || jitter != null || distribution != null || correlationRatio != null
        || loss instanceof LossModel.GilbertElliott || duplicateRatio != null || reorderRatio != null || corruptRatio != null;
  }
}
