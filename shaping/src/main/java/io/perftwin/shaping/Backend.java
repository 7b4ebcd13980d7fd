package io.perftwin.shaping;

/** Where a knob of a {@link NetworkProfile} is applied. */
public enum Backend {
  /** tc with netem (HTB for rate, IFB for ingress). */
  TC("tc"),
  /** Kernel without netem: HTB/TBF for rate, nftables/iptables for random loss. */
  KERNEL("kernel"),
  /** The userspace shaping proxy (toxiproxy-compatible toxics). */
  PROXY("proxy"),
  /** Nothing available can apply it. */
  NONE("none");

  private final String key;

  Backend(String key) {
    this.key = key;
  }

  /** Spelling in run.json. */
  public String key() {
    return key;
  }
}
