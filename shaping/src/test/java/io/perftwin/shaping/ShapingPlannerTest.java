package io.perftwin.shaping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShapingPlannerTest {
  /** This machine's kind of kernel: no netem, HTB/TBF/IFB/nftables/iptables present. */
  static final Capabilities NO_NETEM = new Capabilities(true, true, false, true, true, true, true, true, true,
      List.of("no netem: tc qdisc add … netem → exit 2: Error: Specified qdisc kind is unknown."));
  static final Capabilities FULL = new Capabilities(true, true, true, true, true, true, true, true, true, List.of());
  static final Capabilities TBF_IPTABLES = new Capabilities(true, true, false, false, true, false, false, false, true, List.of());
  static final Capabilities NO_ROOT = Capabilities.none("not root");
  static final Duration MS20 = Duration.ofMillis(20);

  static final NetworkProfile QUICKSTART = new NetworkProfile(MS20, Duration.ofMillis(5), 0.001, 100_000_000L);

  static final NetworkProfile EVERYTHING = NetworkProfile.symmetric(new LinkImpairment(MS20, Duration.ofMillis(5),
          DelayDistribution.NORMAL, 0.25, new LossModel.GilbertElliott(0.01, 0.3, 1, 0), 0.01, 0.05, 0.001, 50_000_000L))
      .withConnection(new ConnectionFaults(4096L, 0.02, Duration.ofSeconds(3), Duration.ofMillis(500), 125_000L,
          new ConnectionFaults.Slicer(64, 16, Duration.ofMillis(1)), Direction.DOWN));

  @Test
  void withoutNetemRateAndLossGoToTheKernelDelayToTheProxy() {
    ShapingPlan plan = ShapingPlanner.plan(QUICKSTART, NO_NETEM);
    for (String dir : List.of("up", "down")) {
      assertEquals(Backend.PROXY, plan.assignment("delay", dir).backend());
      assertEquals(Backend.PROXY, plan.assignment("jitter", dir).backend());
      assertEquals(Backend.KERNEL, plan.assignment("loss", dir).backend());
      assertEquals(Backend.KERNEL, plan.assignment("rate", dir).backend());
    }
    assertEquals("HTB class rate 100mbit on the up sender's egress", plan.assignment("rate", "up").detail());
    assertEquals("nftables table pt_shaping drops 0.1% (numgen random) in the down receiver's namespace (prerouting)",
        plan.assignment("loss", "down").detail());
    assertEquals(List.of(), plan.notApplied());
    assertEquals("exact", plan.fidelity());
    assertEquals(Set.of(Backend.KERNEL, Backend.PROXY), plan.backends());
    assertEquals(2, plan.proxyToxics().size());
    assertEquals(20L, plan.proxyToxics().get(0).attributes().get("latency"));
    assertEquals("upstream", plan.proxyToxics().get(0).stream());
    assertDoesNotThrow(plan::requireApplicable);
  }

  @Test
  void withNetemEveryLinkKnobGoesToTc() {
    ShapingPlan plan = ShapingPlanner.plan(EVERYTHING, FULL);
    assertEquals(List.of(), plan.notApplied());
    assertEquals(18, plan.assignments(Backend.TC).size(), "9 knobs × 2 directions");
    assertEquals("netem loss gemodel p 1% r 30% 1-h 100% 1-k 0% on the down sender's egress",
        plan.assignment("loss", "down").detail());
    assertEquals(6, plan.assignments(Backend.PROXY).size(), "connection faults always go to the proxy (reset twice: after bytes, on open)");
  }

  @Test
  void whatNothingCanApplyFailsTheRunUnlessApproximate() {
    ShapingPlan plan = ShapingPlanner.plan(EVERYTHING, NO_NETEM);
    List<String> none = plan.notApplied().stream().map(n -> n.direction() + "." + n.knob()).toList();
    assertEquals(List.of("up.loss", "up.duplicate", "up.reorder", "up.corrupt",
        "down.loss", "down.duplicate", "down.reorder", "down.corrupt"), none);
    ShapingException e = assertThrows(ShapingException.class, plan::requireApplicable);
    assertTrue(e.getMessage().startsWith("network shaping cannot apply 8 knobs on this machine:\n"
        + "  - up.loss: Gilbert–Elliott (bursty) loss needs netem; approximated by random loss at its mean 3.225806%;"
        + " only an approximation is possible\n  - up.duplicate: duplicate needs netem, which this kernel lacks\n"),
        e.getMessage());
    assertEquals(Backend.PROXY, plan.assignment("distribution", "up").backend());
    assertEquals(Backend.PROXY, plan.assignment("correlation", "down").backend());
    assertEquals("normal", plan.proxyToxics().get(0).attributes().get("distribution"));
    assertEquals(0.25, plan.proxyToxics().get(0).attributes().get("correlation"));
    assertTrue(e.getMessage().endsWith("set network.approximate: true to run with what can be applied (run.json records what was not)"));

    ShapingPlan approx = ShapingPlanner.plan(EVERYTHING.withApproximate(true), NO_NETEM);
    assertDoesNotThrow(approx::requireApplicable);
    assertEquals("approximate", approx.fidelity());
    ShapingPlan.Assignment loss = approx.assignment("loss", "up");
    assertEquals(Backend.KERNEL, loss.backend());
    assertTrue(loss.approximation());
    assertTrue(loss.detail().contains("approximated by random loss at its mean 3.225806%"), loss.detail());
    assertEquals(List.of("up.duplicate", "up.reorder", "up.corrupt", "down.duplicate",
        "down.reorder", "down.corrupt"), approx.notApplied().stream().map(n -> n.direction() + "." + n.knob()).toList());
  }

  @Test
  void fallsBackToTbfAndIptablesThenToTheProxy() {
    ShapingPlan tbf = ShapingPlanner.plan(QUICKSTART, TBF_IPTABLES);
    assertEquals("TBF rate 100mbit on the down sender's egress", tbf.assignment("rate", "down").detail());
    assertEquals("iptables statistic match drops 0.1% in the up receiver's namespace (prerouting)",
        tbf.assignment("loss", "up").detail());

    ShapingPlan proxyOnly = ShapingPlanner.plan(QUICKSTART, NO_ROOT);
    assertEquals(List.of("up.loss", "up.rate", "down.loss", "down.rate"),
        proxyOnly.notApplied().stream().map(n -> n.direction() + "." + n.knob()).toList());
    assertEquals("without HTB or TBF the proxy limits each connection, not the link; only an approximation is possible",
        proxyOnly.notApplied().get(1).reason());
    ShapingPlan approx = ShapingPlanner.plan(QUICKSTART.withApproximate(true), NO_ROOT);
    assertEquals(Backend.PROXY, approx.assignment("rate", "up").backend());
    assertEquals(12500L, approx.proxyToxics().stream().filter(t -> t.name().equals("bandwidth_link_up")).findFirst()
        .orElseThrow().attributes().get("rate"));
  }

  @Test
  void subMillisecondDelayIsAnApproximationForTheProxy() {
    NetworkProfile p = new NetworkProfile(Duration.ofNanos(1_500_000), null, null, null);
    ShapingPlan plan = ShapingPlanner.plan(p, NO_NETEM);
    assertEquals("the proxy works in whole milliseconds; 1500us becomes 2ms; only an approximation is possible",
        plan.notApplied().get(0).reason());
  }

  @Test
  void runJsonShape() throws Exception {
    ShapingPlan plan = ShapingPlanner.plan(EVERYTHING.withApproximate(true), NO_NETEM);
    String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plan.toJson()) + "\n";
    Golden.assertMatches("plan/everything-no-netem.json", json);
    String quick = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(ShapingPlanner.plan(QUICKSTART, NO_NETEM).toJson()) + "\n";
    Golden.assertMatches("plan/quickstart-no-netem.json", quick);
  }
}
