package io.perftwin.shaping.proxy.internal;

/**
 * Release times of the chunks of one direction of one connection. A chunk arriving at
 * {@code now} with a sampled delay leaves at {@code now + delay}, but never before the chunk
 * ahead of it (order is preserved, as in toxiproxy, where a later chunk waits for the earlier
 * one). A bandwidth limit adds the chunk's transmission time after the link is free. Pure: no
 * clock, no I/O.
 */
public final class DelayLine {
  private long lastReleaseNanos = Long.MIN_VALUE;
  private long linkFreeNanos = Long.MIN_VALUE;

  /**
   * @param nowNanos arrival time
   * @param delayNanos sampled added delay
   * @param transmitNanos time the chunk occupies the rate-limited link, 0 without a limit
   * @return when the chunk may be written
   */
  public long release(long nowNanos, long delayNanos, long transmitNanos) {
    long release = Math.max(nowNanos + delayNanos, lastReleaseNanos);
    if (transmitNanos > 0) {
      release = Math.max(release, linkFreeNanos) + transmitNanos;
      linkFreeNanos = release;
    }
    lastReleaseNanos = release;
    return release;
  }

  /** The release time of the last chunk, or {@link Long#MIN_VALUE} before any. */
  public long lastReleaseNanos() {
    return lastReleaseNanos;
  }
}
