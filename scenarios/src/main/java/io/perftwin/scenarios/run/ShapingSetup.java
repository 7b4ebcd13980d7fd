package io.perftwin.scenarios.run;

import io.perftwin.infra.topology.LinkSpec;
import io.perftwin.infra.topology.NodeSpec;
import io.perftwin.infra.topology.Role;
import io.perftwin.infra.topology.Topology;
import io.perftwin.shaping.Capabilities;
import io.perftwin.shaping.ShapingException;
import io.perftwin.shaping.ShapingPlan;
import io.perftwin.shaping.ShapingPlanner;
import io.perftwin.shaping.probe.CapabilityProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shaping of a run, planned before anything is created: for each link from a load generator
 * to the target, which backend applies each knob (see {@link ShapingPlanner}), from the
 * capabilities probed in a scratch namespace (namespaces environment) or none (loopback: only the
 * proxy). A knob nothing can apply fails the run here, before load, unless the profile allows
 * approximation.
 */
final class ShapingSetup {
  /** One shaped link and its plan. */
  record LinkPlan(LinkSpec link, ShapingPlan plan) {}

  private final List<LinkPlan> links;

  private ShapingSetup(List<LinkPlan> links) {
    this.links = List.copyOf(links);
  }

  static final ShapingSetup NONE = new ShapingSetup(List.of());

  /**
   * Plans the shaping of {@code topology} for the environment chosen.
   *
   * @throws ShapingException if a knob cannot be applied here (and approximation is not allowed),
   *     or a link that is not from a load generator asks for shaping
   */
  static ShapingSetup plan(Topology topology, boolean namespaces) {
    List<LinkPlan> plans = new ArrayList<>();
    Capabilities caps = null;
    for (int i = 0; i < topology.links().size(); i++) {
      LinkSpec l = topology.links().get(i);
      if (l.profile().isEmpty() && !l.profile().approximate()) {
        continue;
      }
      NodeSpec from = topology.node(l.from()).orElseThrow();
      if (from.role() != Role.LOADGEN) {
        throw new ShapingException("environment.links[" + i + "] (" + l.from() + " → " + l.to() + "): a local run "
            + "shapes only links from a load generator; the path between services is not shaped yet");
      }
      if (caps == null) {
        caps = namespaces ? CapabilityProbe.probe()
            : Capabilities.none("loopback environment: no namespaces of perftwin's own to shape in the kernel; "
                + "use environment.kind: namespaces (root) for rate and loss");
      }
      ShapingPlan plan = ShapingPlanner.plan(l.profile(), caps);
      plan.requireApplicable();
      plans.add(new LinkPlan(l, plan));
    }
    return new ShapingSetup(plans);
  }

  List<LinkPlan> links() {
    return links;
  }

  boolean isEmpty() {
    return links.isEmpty();
  }

  /** The plan of the link from load-generator node {@code loadgen} (a declared node name), or null. */
  LinkPlan from(String loadgen) {
    return links.stream().filter(l -> l.link().from().equals(loadgen)).findFirst().orElse(null);
  }

  /** The {@code shaping} object of run.json. */
  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (links.isEmpty()) {
      m.put("backends", List.of());
      m.put("fidelity", "exact (no network conditions requested)");
      return m;
    }
    if (links.size() == 1) {
      m.put("link", links.get(0).link().from() + " → " + links.get(0).link().to());
      m.putAll(links.get(0).plan().toJson());
      return m;
    }
    List<Map<String, Object>> each = new ArrayList<>();
    for (LinkPlan l : links) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("link", l.link().from() + " → " + l.link().to());
      one.putAll(l.plan().toJson());
      each.add(one);
    }
    m.put("links", each);
    return m;
  }
}
