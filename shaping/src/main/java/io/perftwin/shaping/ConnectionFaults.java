package io.perftwin.shaping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Faults applied per TCP connection by the shaping proxy (no kernel backend can do these). A
 * {@code null} knob is not set.
 *
 * @param resetAfterBytes reset each connection once this many bytes have passed in {@code direction}
 * @param resetProbability fraction of connections reset as soon as they open, 0–1
 * @param timeout stop delivering data (a black hole) and close the connection after this long; zero: never close
 * @param slowClose delay the close of each connection by this long
 * @param bandwidthBytesPerSecond per-connection bandwidth, > 0
 * @param slicer split data into small chunks with a pause between them
 * @param direction the direction the data-path faults (bandwidth, slicer, reset after bytes) act on;
 *     {@code null}: both
 */
public record ConnectionFaults(
    Long resetAfterBytes,
    Double resetProbability,
    Duration timeout,
    Duration slowClose,
    Long bandwidthBytesPerSecond,
    Slicer slicer,
    Direction direction) {

  /** Knob names in scenario-file spelling. */
  public static final List<String> KNOBS = List.of("reset", "timeout", "slowClose", "bandwidth", "slicer");

  public static final ConnectionFaults NONE = new ConnectionFaults(null, null, null, null, null, null, null);

  public ConnectionFaults {
    Checks.positive("reset.afterBytes", resetAfterBytes);
    Checks.ratio("reset.probability", resetProbability);
    Checks.nonNegative("timeout", timeout);
    Checks.nonNegative("slowClose", slowClose);
    Checks.positive("bandwidth", bandwidthBytesPerSecond);
  }

  /**
   * Chunking of the byte stream.
   *
   * @param averageSizeBytes mean chunk size, > 0
   * @param sizeVariationBytes chunk sizes vary by up to this much, ≥ 0 and < averageSizeBytes
   * @param delay pause between chunks, ≥ 0
   */
  public record Slicer(long averageSizeBytes, long sizeVariationBytes, Duration delay) {
    public Slicer {
      if (averageSizeBytes <= 0) {
        throw new IllegalArgumentException("slicer.averageSize must be > 0, was " + averageSizeBytes);
      }
      if (sizeVariationBytes < 0 || sizeVariationBytes >= averageSizeBytes) {
        throw new IllegalArgumentException("slicer.sizeVariation must be >= 0 and < slicer.averageSize (" + averageSizeBytes
            + "), was " + sizeVariationBytes);
      }
      if (delay == null) {
        throw new IllegalArgumentException("slicer.delay is required (use 0ms for none)");
      }
      Checks.nonNegative("slicer.delay", delay);
    }
  }

  public List<String> knobsSet() {
    List<String> set = new ArrayList<>();
    if (resetAfterBytes != null || resetProbability != null) {
      set.add("reset");
    }
    if (timeout != null) {
      set.add("timeout");
    }
    if (slowClose != null) {
      set.add("slowClose");
    }
    if (bandwidthBytesPerSecond != null) {
      set.add("bandwidth");
    }
    if (slicer != null) {
      set.add("slicer");
    }
    return set;
  }

  public boolean isEmpty() {
    return knobsSet().isEmpty();
  }
}
