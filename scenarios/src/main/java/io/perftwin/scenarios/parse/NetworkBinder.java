package io.perftwin.scenarios.parse;

import io.perftwin.shaping.NetworkProfile;
import java.time.Duration;
import java.util.List;

/** Binds {@code network:} to a {@link NetworkProfile}; an absent or empty section is {@link NetworkProfile#NONE}. */
final class NetworkBinder {
  static final List<String> KEYS = List.of("delay", "jitter", "loss", "rate");

  private final Values values;

  NetworkBinder(Values values) {
    this.values = values;
  }

  NetworkProfile bind(YamlNode node, Mark anchor) {
    YamlMap map = values.map(node, "network");
    if (map == null) {
      return null;
    }
    MapReader r = new MapReader(values.problems(), map, anchor, "in 'network'", KEYS).reportUnknownKeys();
    boolean ok = true;
    Duration delay = null;
    Duration jitter = null;
    Double loss = null;
    Long rate = null;
    if (r.optional("delay") != null) {
      delay = values.duration(r.optional("delay"), "delay", Quantities.Bound.NON_NEGATIVE);
      ok &= delay != null;
    }
    if (r.optional("jitter") != null) {
      jitter = values.duration(r.optional("jitter"), "jitter", Quantities.Bound.NON_NEGATIVE);
      ok &= jitter != null;
    }
    if (r.optional("loss") != null) {
      loss = values.percent(r.optional("loss"), "loss");
      ok &= loss != null;
    }
    if (r.optional("rate") != null) {
      rate = values.bitRate(r.optional("rate"), "rate");
      ok &= rate != null;
    }
    if (!ok) {
      return null;
    }
    NetworkProfile p = new NetworkProfile(delay, jitter, loss, rate);
    return p.isEmpty() ? NetworkProfile.NONE : p;
  }
}
