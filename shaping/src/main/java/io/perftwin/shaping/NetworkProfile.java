package io.perftwin.shaping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Network conditions between the load generator and the target: packet-level impairments per
 * direction ({@code up}: egress from the load generator, {@code down}: egress from the target),
 * per-connection faults, and whether an approximate application is acceptable.
 *
 * <p>{@code delay} is one-way and applied in each direction it is set on; set on both (as the
 * four-knob constructor does), a request/response exchange on a warm connection slows by {@code 2 ×
 * delay}, the convention of tc/netem on both ends.
 *
 * <p>{@code approximate}: when false (the default) a knob that no available backend can apply
 * exactly fails the run before any load is sent (see {@link ShapingPlan#requireApplicable()});
 * when true the run goes ahead with what can be applied and records the rest in {@code run.json}.
 *
 * @param up impairments of packets from the load generator to the target
 * @param down impairments of packets from the target to the load generator
 * @param connection per-connection faults (shaping proxy)
 * @param approximate accept an approximate or partial application
 */
public record NetworkProfile(LinkImpairment up, LinkImpairment down, ConnectionFaults connection, boolean approximate) {

  public static final NetworkProfile NONE =
      new NetworkProfile(LinkImpairment.NONE, LinkImpairment.NONE, ConnectionFaults.NONE, false);

  public NetworkProfile {
    up = Objects.requireNonNullElse(up, LinkImpairment.NONE);
    down = Objects.requireNonNullElse(down, LinkImpairment.NONE);
    connection = Objects.requireNonNullElse(connection, ConnectionFaults.NONE);
  }

  /**
   * The four knobs of the first profile format, each applied in both directions.
   *
   * @param delay one-way added delay, ≥ 0
   * @param jitter variation around the delay, ≥ 0
   * @param lossRatio probability of dropping a packet, 0–1
   * @param rateBitsPerSecond link rate limit, > 0
   */
  public NetworkProfile(Duration delay, Duration jitter, Double lossRatio, Long rateBitsPerSecond) {
    this(LinkImpairment.of(delay, jitter, lossRatio, rateBitsPerSecond),
        LinkImpairment.of(delay, jitter, lossRatio, rateBitsPerSecond), ConnectionFaults.NONE, false);
  }

  /** The same impairments in both directions. */
  public static NetworkProfile symmetric(LinkImpairment both) {
    return new NetworkProfile(both, both, ConnectionFaults.NONE, false);
  }

  public NetworkProfile withConnection(ConnectionFaults faults) {
    return new NetworkProfile(up, down, faults, approximate);
  }

  public NetworkProfile withApproximate(boolean approximate) {
    return new NetworkProfile(up, down, connection, approximate);
  }

  public LinkImpairment link(Direction direction) {
    return direction == Direction.UP ? up : down;
  }

  /**
   * The names of the knobs that are set, in scenario-file spelling: a link knob set to the same
   * value in both directions is named plainly ({@code delay}), otherwise per direction ({@code
   * up.delay}, {@code down.delay}); then the connection knobs.
   */
  public List<String> knobsSet() {
    List<String> knobs = new ArrayList<>();
    for (String k : LinkImpairment.KNOBS) {
      Object u = up.knob(k);
      Object d = down.knob(k);
      if (u != null && u.equals(d)) {
        knobs.add(k);
      } else {
        if (u != null) {
          knobs.add("up." + k);
        }
        if (d != null) {
          knobs.add("down." + k);
        }
      }
    }
    knobs.addAll(connection.knobsSet());
    return knobs;
  }

  public boolean isEmpty() {
    return up.isEmpty() && down.isEmpty() && connection.isEmpty();
  }

  /** The delay when both directions have the same one, else {@code null} (four-knob view). */
  public Duration delay() {
    return same(up.delay(), down.delay());
  }

  /** The jitter when both directions have the same one, else {@code null} (four-knob view). */
  public Duration jitter() {
    return same(up.jitter(), down.jitter());
  }

  /** The random loss ratio when both directions have the same one, else {@code null} (four-knob view). */
  public Double lossRatio() {
    LossModel l = same(up.loss(), down.loss());
    return l instanceof LossModel.Random r ? r.ratio() : null;
  }

  /** The rate when both directions have the same one, else {@code null} (four-knob view). */
  public Long rateBitsPerSecond() {
    return same(up.rateBitsPerSecond(), down.rateBitsPerSecond());
  }

  private static <T> T same(T a, T b) {
    return a != null && a.equals(b) ? a : null;
  }
}
