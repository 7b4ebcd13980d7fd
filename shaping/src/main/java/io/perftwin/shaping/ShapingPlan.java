package io.perftwin.shaping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which backend applies each knob of a profile, and what nothing can apply. Made by {@link
 * ShapingPlanner}; the runner writes {@link #toJson()} into {@code run.json} under {@code shaping}
 * and calls {@link #requireApplicable()} before sending load.
 *
 * @param assignments knob → backend, in profile order
 * @param notApplied knobs no available backend applies, with the reason
 * @param proxyToxics the toxics the shaping proxy must install (empty: no proxy needed)
 * @param approximate the profile accepts approximation ({@link NetworkProfile#approximate()})
 * @param capabilities what the plan was made from
 */
public record ShapingPlan(
    List<Assignment> assignments,
    List<NotApplied> notApplied,
    List<ProxyToxic> proxyToxics,
    boolean approximate,
    Capabilities capabilities) {

  public ShapingPlan {
    assignments = List.copyOf(assignments);
    notApplied = List.copyOf(notApplied);
    proxyToxics = List.copyOf(proxyToxics);
  }

  /**
   * One knob in one direction ({@code up}, {@code down}, or {@code connection}) and its backend.
   *
   * @param detail what the backend does, e.g. {@code HTB class rate 100mbit on the up sender's egress}
   * @param approximation true when the backend only approximates the knob (accepted because the profile allows it)
   */
  public record Assignment(String knob, String direction, Backend backend, String detail, boolean approximation) {}

  /** A knob nothing applies (backend {@code none}). */
  public record NotApplied(String knob, String direction, String reason) {}

  /** The distinct backends used, in {@link Backend} order. */
  public Set<Backend> backends() {
    Set<Backend> used = new LinkedHashSet<>();
    for (Backend b : Backend.values()) {
      for (Assignment a : assignments) {
        if (a.backend() == b) {
          used.add(b);
        }
      }
    }
    return used;
  }

  public List<Assignment> assignments(Backend backend) {
    return assignments.stream().filter(a -> a.backend() == backend).toList();
  }

  /** The assignment of a knob in a direction, or null. */
  public Assignment assignment(String knob, String direction) {
    for (Assignment a : assignments) {
      if (a.knob().equals(knob) && a.direction().equals(direction)) {
        return a;
      }
    }
    return null;
  }

  /** {@code exact}, {@code approximate} (some knob approximated or dropped, accepted), or {@code none} (nothing to shape). */
  public String fidelity() {
    if (assignments.isEmpty() && notApplied.isEmpty()) {
      return "none";
    }
    boolean approx = !notApplied.isEmpty() || assignments.stream().anyMatch(Assignment::approximation);
    return approx ? "approximate" : "exact";
  }

  /**
   * The rule: a knob that cannot be applied fails the run before load unless the profile allows
   * approximation. Throws a {@link ShapingException} listing every such knob and its reason.
   */
  public void requireApplicable() {
    if (notApplied.isEmpty() || approximate) {
      return;
    }
    StringBuilder sb = new StringBuilder("network shaping cannot apply ");
    sb.append(notApplied.size() == 1 ? "1 knob" : notApplied.size() + " knobs").append(" on this machine:");
    for (NotApplied n : notApplied) {
      sb.append("\n  - ").append(label(n.knob(), n.direction())).append(": ").append(n.reason());
    }
    sb.append("\nset network.approximate: true to run with what can be applied (run.json records what was not)");
    throw new ShapingException(sb.toString());
  }

  private static String label(String knob, String direction) {
    return direction.equals("connection") ? knob : direction + "." + knob;
  }

  /** The run.json {@code shaping} object; key order is fixed. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("backends", backends().stream().map(Backend::key).toList());
    m.put("fidelity", fidelity());
    m.put("approximate", approximate);
    List<Map<String, Object>> knobs = new ArrayList<>();
    for (Assignment a : assignments) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("knob", a.knob());
      k.put("direction", a.direction());
      k.put("backend", a.backend().key());
      k.put("detail", a.detail());
      k.put("approximation", a.approximation());
      knobs.add(k);
    }
    m.put("knobs", knobs);
    List<Map<String, Object>> none = new ArrayList<>();
    for (NotApplied n : notApplied) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("knob", n.knob());
      k.put("direction", n.direction());
      k.put("backend", Backend.NONE.key());
      k.put("reason", n.reason());
      none.add(k);
    }
    m.put("notApplied", none);
    m.put("proxyToxics", proxyToxics.stream().map(ProxyToxic::toJson).toList());
    m.put("capabilities", capabilities.toJson());
    return m;
  }
}
