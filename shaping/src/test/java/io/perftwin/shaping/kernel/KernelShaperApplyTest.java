package io.perftwin.shaping.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.perftwin.shaping.Capabilities;
import io.perftwin.shaping.LinkImpairment;
import io.perftwin.shaping.NetworkProfile;
import io.perftwin.shaping.ShapingException;
import io.perftwin.shaping.ShapingPlan;
import io.perftwin.shaping.ShapingPlanner;
import io.perftwin.shaping.probe.CapabilityProbe;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link KernelShaper#apply} from a plan: what it adds where, and that close removes exactly that. */
class KernelShaperApplyTest {
  static Capabilities caps;

  static final NetworkProfile PROFILE = new NetworkProfile(
      LinkImpairment.of(null, null, 0.05, 20_000_000L), LinkImpairment.of(null, null, 0.01, 10_000_000L), null, false);

  @BeforeAll
  static void probe() {
    assumeTrue(TestNet.isRoot(), "skipped: needs root");
    caps = CapabilityProbe.probe();
    assumeTrue(caps.namespaces() && caps.kernelRate() && caps.kernelLoss(), "skipped: needs kernel rate and loss: " + caps.notes());
  }

  @AfterAll
  static void nothingLeft() {
    if (caps != null) {
      assertEquals(List.of(), TestNet.ourNamespaces(), "test namespaces left behind");
    }
  }

  @Test
  void appliesPerDirectionAndUndoesExactly() {
    try (TestNet net = new TestNet("apply")) {
      ShapingPlan plan = ShapingPlanner.plan(PROFILE, caps);
      plan.requireApplicable();
      Applied applied = KernelShaper.apply(PROFILE, plan, new KernelShaper.Link(net.a, "va", net.b, "vb"));
      assertEquals(4, applied.descriptions().size(), applied.descriptions().toString());
      String kind = caps.htb() ? "htb" : "tbf";
      assertTrue(rootQdisc(net.a, "va").contains(kind + " 1:"), "up rate on the load generator's egress");
      assertTrue(rootQdisc(net.b, "vb").contains(kind + " 1:"), "down rate on the target's egress");
      if (caps.nftables()) {
        assertTrue(nft(net.b).contains("chain loss_up"), "up loss where up traffic arrives: " + nft(net.b));
        assertTrue(nft(net.b).contains("numgen random mod 1000000 < 50000"), nft(net.b));
        assertTrue(nft(net.a).contains("chain loss_down"), "down loss where down traffic arrives");
        assertTrue(nft(net.a).contains("numgen random mod 1000000 < 10000"), nft(net.a));
      }
      applied.close();
      assertTrue(rootQdisc(net.a, "va").contains(" 0: "), rootQdisc(net.a, "va"));
      assertTrue(rootQdisc(net.b, "vb").contains(" 0: "), rootQdisc(net.b, "vb"));
      assertFalse(nft(net.a).contains(KernelShaper.NFT_TABLE));
      assertFalse(nft(net.b).contains(KernelShaper.NFT_TABLE));
      applied.close(); // idempotent
    }
  }

  @Test
  void aFailedStepUndoesTheStepsBeforeIt() {
    try (TestNet net = new TestNet("fail")) {
      ShapingPlan plan = ShapingPlanner.plan(PROFILE, caps);
      ShapingException e = assertThrows(ShapingException.class,
          () -> KernelShaper.apply(PROFILE, plan, new KernelShaper.Link(net.a, "va", net.b, "nosuchdev")));
      assertTrue(e.getMessage().contains("nosuchdev"), e.getMessage());
      assertTrue(rootQdisc(net.a, "va").contains(" 0: "), "up rate undone: " + rootQdisc(net.a, "va"));
      assertFalse(nft(net.b).contains(KernelShaper.NFT_TABLE), "up loss undone: " + nft(net.b));
    }
  }

  @Test
  void closeAfterTheNamespaceIsGoneCountsAsDone() {
    TestNet net = new TestNet("gone");
    Applied applied;
    try {
      applied = KernelShaper.apply(PROFILE, ShapingPlanner.plan(PROFILE, caps), new KernelShaper.Link(net.a, "va", net.b, "vb"));
    } finally {
      net.close();
    }
    applied.close();
    assertTrue(applied.isClosed());
  }

  static String rootQdisc(String ns, String dev) {
    return Cmd.check("tc", "-n", ns, "qdisc", "show", "dev", dev, "root").stdout();
  }

  static String nft(String ns) {
    return Cmd.check(Cmd.inNamespace(ns, List.of("nft", "list", "ruleset"))).stdout();
  }
}
