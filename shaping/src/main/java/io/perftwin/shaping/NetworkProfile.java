package io.perftwin.shaping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Network conditions between the load generator and the target. A {@code null} knob is not set.
 * {@code delay} is one-way and applied in each direction, so a request/response exchange on a
 * warm connection slows by {@code 2 × delay} (the convention of tc on both ends).
 *
 * @param delay one-way added delay
 * @param jitter variation around the delay
 * @param lossRatio probability of dropping a packet, 0–1
 * @param rateBitsPerSecond link rate limit
 */
public record NetworkProfile(Duration delay, Duration jitter, Double lossRatio, Long rateBitsPerSecond) {

  public NetworkProfile {
    if (delay != null && delay.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0, was " + delay);
    }
    if (jitter != null && jitter.isNegative()) {
      throw new IllegalArgumentException("jitter must be >= 0, was " + jitter);
    }
    if (lossRatio != null && (lossRatio < 0 || lossRatio > 1)) {
      throw new IllegalArgumentException("loss must be between 0% and 100%, was " + lossRatio * 100 + "%");
    }
    if (rateBitsPerSecond != null && rateBitsPerSecond <= 0) {
      throw new IllegalArgumentException("rate must be > 0, was " + rateBitsPerSecond);
    }
  }

  public static final NetworkProfile NONE = new NetworkProfile(null, null, null, null);

  /** The names of the knobs that are set, in scenario-file spelling. */
  public List<String> knobsSet() {
    List<String> knobs = new ArrayList<>();
    if (delay != null) {
      knobs.add("delay");
    }
    if (jitter != null) {
      knobs.add("jitter");
    }
    if (lossRatio != null) {
      knobs.add("loss");
    }
    if (rateBitsPerSecond != null) {
      knobs.add("rate");
    }
    return knobs;
  }

  public boolean isEmpty() {
    return knobsSet().isEmpty();
  }
}
