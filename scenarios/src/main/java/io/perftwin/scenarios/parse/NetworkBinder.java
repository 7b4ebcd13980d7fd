package io.perftwin.scenarios.parse;

import io.perftwin.shaping.ConnectionFaults;
import io.perftwin.shaping.DelayDistribution;
import io.perftwin.shaping.Direction;
import io.perftwin.shaping.LinkImpairment;
import io.perftwin.shaping.LossModel;
import io.perftwin.shaping.NetworkProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code network:} to a {@link NetworkProfile}; an absent or empty section is {@link
 * NetworkProfile#NONE}. Link knobs at the top apply in both directions; {@code up:} (load
 * generator → target) and {@code down:} (target → load generator) override them per direction.
 */
final class NetworkBinder {
  static final List<String> LINK_KEYS =
      List.of("delay", "jitter", "distribution", "correlation", "loss", "duplicate", "reorder", "corrupt", "rate");
  static final List<String> KEYS = keys();
  static final List<String> LOSS_KEYS = List.of("model", "p", "r", "1-h", "1-k");
  static final List<String> LOSS_MODELS = List.of("random", "gilbertElliott");
  static final List<String> CONNECTION_KEYS = List.of("reset", "timeout", "slowClose", "bandwidth", "slicer", "direction");
  static final List<String> RESET_KEYS = List.of("afterBytes", "probability");
  static final List<String> SLICER_KEYS = List.of("averageSize", "sizeVariation", "delay");
  static final List<String> DIRECTIONS = List.of("up", "down");

  private static List<String> keys() {
    List<String> k = new ArrayList<>(LINK_KEYS);
    k.addAll(List.of("up", "down", "connection", "approximate"));
    return List.copyOf(k);
  }

  private final Values values;
  private boolean ok;

  NetworkBinder(Values values) {
    this.values = values;
  }

  NetworkProfile bind(YamlNode node, Mark anchor) {
    YamlMap map = values.map(node, "network");
    if (map == null) {
      return null;
    }
    ok = true;
    MapReader r = new MapReader(values.problems(), map, anchor, "in 'network'", KEYS).reportUnknownKeys();
    Knobs both = knobs(r);
    Knobs up = both;
    Knobs down = both;
    if (r.optional("up") != null) {
      up = section(r, "up", both);
    }
    if (r.optional("down") != null) {
      down = section(r, "down", both);
    }
    ConnectionFaults faults = ConnectionFaults.NONE;
    if (r.optional("connection") != null) {
      faults = connection(r.optional("connection"), r.keyMark("connection"));
    }
    boolean approximate = false;
    if (r.optional("approximate") != null) {
      Boolean a = values.bool(r.optional("approximate"), "approximate");
      ok &= a != null;
      approximate = a != null && a;
    }
    if (!ok) {
      return null;
    }
    try {
      NetworkProfile p = new NetworkProfile(up.build("network" + (up == both ? "" : ".up")),
          down.build("network" + (down == both ? "" : ".down")), faults, approximate);
      return p.isEmpty() && !approximate ? NetworkProfile.NONE : p;
    } catch (IllegalArgumentException e) {
      values.problems().add(anchor, "network: " + e.getMessage());
      return null;
    }
  }

  private Knobs section(MapReader parent, String key, Knobs defaults) {
    YamlMap m = values.map(parent.optional(key), key);
    if (m == null) {
      ok = false;
      return defaults;
    }
    MapReader r = new MapReader(values.problems(), m, parent.keyMark(key), "in 'network." + key + "'", LINK_KEYS)
        .reportUnknownKeys();
    return knobs(r).over(defaults);
  }

  /** The link knobs written in one map; unset ones are null. */
  private Knobs knobs(MapReader r) {
    Knobs k = new Knobs();
    if (r.optional("delay") != null) {
      k.delay = values.duration(r.optional("delay"), "delay", Quantities.Bound.NON_NEGATIVE);
      ok &= k.delay != null;
    }
    if (r.optional("jitter") != null) {
      k.jitter = values.duration(r.optional("jitter"), "jitter", Quantities.Bound.NON_NEGATIVE);
      ok &= k.jitter != null;
    }
    if (r.optional("distribution") != null) {
      String d = values.oneOf(r.optional("distribution"), "distribution", "distribution",
          List.of("uniform", "normal", "pareto", "paretonormal"));
      ok &= d != null;
      k.distribution = d == null ? null : DelayDistribution.of(d);
    }
    if (r.optional("correlation") != null) {
      k.correlation = values.percent(r.optional("correlation"), "correlation");
      ok &= k.correlation != null;
    }
    if (r.optional("loss") != null) {
      YamlNode loss = r.optional("loss");
      if (loss instanceof YamlMap lm) {
        k.loss = lossModel(lm, r.keyMark("loss"));
      } else {
        Double ratio = values.percent(loss, "loss");
        k.loss = ratio == null ? null : new LossModel.Random(ratio);
      }
      ok &= k.loss != null;
    }
    if (r.optional("duplicate") != null) {
      k.duplicate = values.percent(r.optional("duplicate"), "duplicate");
      ok &= k.duplicate != null;
    }
    if (r.optional("reorder") != null) {
      k.reorder = values.percent(r.optional("reorder"), "reorder");
      ok &= k.reorder != null;
    }
    if (r.optional("corrupt") != null) {
      k.corrupt = values.percent(r.optional("corrupt"), "corrupt");
      ok &= k.corrupt != null;
    }
    if (r.optional("rate") != null) {
      k.rate = values.bitRate(r.optional("rate"), "rate");
      ok &= k.rate != null;
    }
    return k;
  }

  private LossModel lossModel(YamlMap m, Mark anchor) {
    MapReader r = new MapReader(values.problems(), m, anchor, "in 'network.loss'", LOSS_KEYS).reportUnknownKeys();
    YamlNode modelNode = r.required("model");
    String model = modelNode == null ? null : values.oneOf(modelNode, "model", "loss model", LOSS_MODELS);
    if (model == null) {
      return null;
    }
    if (model.equals("random")) {
      YamlNode p = r.required("p");
      Double ratio = p == null ? null : values.percent(p, "p");
      return ratio == null ? null : new LossModel.Random(ratio);
    }
    Double p = r.required("p") == null ? null : values.percent(r.optional("p"), "p");
    Double rr = r.required("r") == null ? null : values.percent(r.optional("r"), "r");
    Double h = r.optional("1-h") == null ? Double.valueOf(1.0) : values.percent(r.optional("1-h"), "1-h");
    Double kk = r.optional("1-k") == null ? Double.valueOf(0.0) : values.percent(r.optional("1-k"), "1-k");
    if (p == null || rr == null || h == null || kk == null) {
      return null;
    }
    try {
      return new LossModel.GilbertElliott(p, rr, h, kk);
    } catch (IllegalArgumentException e) {
      values.problems().add(anchor, "network.loss: " + e.getMessage());
      return null;
    }
  }

  private ConnectionFaults connection(YamlNode node, Mark anchor) {
    YamlMap m = values.map(node, "connection");
    if (m == null) {
      ok = false;
      return ConnectionFaults.NONE;
    }
    MapReader r = new MapReader(values.problems(), m, anchor, "in 'network.connection'", CONNECTION_KEYS).reportUnknownKeys();
    Long afterBytes = null;
    Double probability = null;
    if (r.optional("reset") != null) {
      YamlMap reset = values.map(r.optional("reset"), "reset");
      if (reset == null) {
        ok = false;
      } else {
        MapReader rr = new MapReader(values.problems(), reset, r.keyMark("reset"), "in 'network.connection.reset'", RESET_KEYS)
            .reportUnknownKeys();
        if (rr.optional("afterBytes") != null) {
          Integer b = values.integer(rr.optional("afterBytes"), "afterBytes", 1);
          ok &= b != null;
          afterBytes = b == null ? null : b.longValue();
        }
        if (rr.optional("probability") != null) {
          probability = values.percent(rr.optional("probability"), "probability");
          ok &= probability != null;
        }
      }
    }
    Duration timeout = null;
    if (r.optional("timeout") != null) {
      timeout = values.duration(r.optional("timeout"), "timeout", Quantities.Bound.NON_NEGATIVE);
      ok &= timeout != null;
    }
    Duration slowClose = null;
    if (r.optional("slowClose") != null) {
      slowClose = values.duration(r.optional("slowClose"), "slowClose", Quantities.Bound.NON_NEGATIVE);
      ok &= slowClose != null;
    }
    Long bandwidth = null;
    if (r.optional("bandwidth") != null) {
      Long bits = values.bitRate(r.optional("bandwidth"), "bandwidth");
      ok &= bits != null;
      bandwidth = bits == null ? null : Math.max(1, bits / 8);
    }
    ConnectionFaults.Slicer slicer = null;
    if (r.optional("slicer") != null) {
      YamlMap s = values.map(r.optional("slicer"), "slicer");
      if (s == null) {
        ok = false;
      } else {
        MapReader sr = new MapReader(values.problems(), s, r.keyMark("slicer"), "in 'network.connection.slicer'", SLICER_KEYS)
            .reportUnknownKeys();
        Integer avg = sr.required("averageSize") == null ? null : values.integer(sr.optional("averageSize"), "averageSize", 1);
        Integer var = sr.optional("sizeVariation") == null ? Integer.valueOf(0)
            : values.integer(sr.optional("sizeVariation"), "sizeVariation", 0);
        Duration delay = sr.optional("delay") == null ? Duration.ZERO
            : values.duration(sr.optional("delay"), "delay", Quantities.Bound.NON_NEGATIVE);
        if (avg == null || var == null || delay == null) {
          ok = false;
        } else {
          try {
            slicer = new ConnectionFaults.Slicer(avg, var, delay);
          } catch (IllegalArgumentException e) {
            values.problems().add(r.keyMark("slicer"), "network.connection.slicer: " + e.getMessage());
            ok = false;
          }
        }
      }
    }
    Direction direction = null;
    if (r.optional("direction") != null) {
      String d = values.oneOf(r.optional("direction"), "direction", "direction", DIRECTIONS);
      ok &= d != null;
      direction = "up".equals(d) ? Direction.UP : "down".equals(d) ? Direction.DOWN : null;
    }
    try {
      return new ConnectionFaults(afterBytes, probability, timeout, slowClose, bandwidth, slicer, direction);
    } catch (IllegalArgumentException e) {
      values.problems().add(anchor, "network.connection: " + e.getMessage());
      ok = false;
      return ConnectionFaults.NONE;
    }
  }

  /** Link knobs as written; {@link #over} fills the unset ones from the both-directions ones. */
  private static final class Knobs {
    Duration delay;
    Duration jitter;
    DelayDistribution distribution;
    Double correlation;
    LossModel loss;
    Double duplicate;
    Double reorder;
    Double corrupt;
    Long rate;

    Knobs over(Knobs d) {
      Knobs k = new Knobs();
      k.delay = delay != null ? delay : d.delay;
      k.jitter = jitter != null ? jitter : d.jitter;
      k.distribution = distribution != null ? distribution : d.distribution;
      k.correlation = correlation != null ? correlation : d.correlation;
      k.loss = loss != null ? loss : d.loss;
      k.duplicate = duplicate != null ? duplicate : d.duplicate;
      k.reorder = reorder != null ? reorder : d.reorder;
      k.corrupt = corrupt != null ? corrupt : d.corrupt;
      k.rate = rate != null ? rate : d.rate;
      return k;
    }

    LinkImpairment build(String where) {
      return new LinkImpairment(delay, jitter, distribution, correlation, loss, duplicate, reorder, corrupt, rate);
    }
  }
}
