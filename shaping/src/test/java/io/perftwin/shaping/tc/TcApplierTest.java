package io.perftwin.shaping.tc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.perftwin.shaping.Capabilities;
import io.perftwin.shaping.Direction;
import io.perftwin.shaping.NetworkProfile;
import io.perftwin.shaping.ShapingException;
import io.perftwin.shaping.kernel.Applied;
import io.perftwin.shaping.kernel.Cmd;
import io.perftwin.shaping.probe.CapabilityProbe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcApplierTest {
  static final NetworkProfile PROFILE = new NetworkProfile(Duration.ofMillis(20), Duration.ofMillis(5), null, 10_000_000L);

  @Test
  void refusesWithoutNetem() {
    Capabilities noNetem = Capabilities.none("test");
    ShapingException e = assertThrows(ShapingException.class,
        () -> TcApplier.apply("pt-nowhere", TcRenderer.renderEgress(PROFILE.up(), Direction.UP, "eth0"), noNetem));
    assertTrue(e.getMessage().startsWith("the tc backend needs the netem qdisc"), e.getMessage());
  }

  @Test
  void appliesAndRemovesNetemWhereTheKernelHasIt() {
    Capabilities caps = CapabilityProbe.probe();
    assumeTrue(caps.root() && caps.namespaces(), "skipped: needs root and network namespaces: " + caps.notes());
    assumeTrue(caps.netem(), "skipped: this kernel has no netem qdisc, so the tc backend cannot be applied here: "
        + caps.notes().stream().filter(n -> n.startsWith("no netem")).findFirst().orElse(""));
    String ns = "pt-shtest-" + ProcessHandle.current().pid() + "-tc";
    Cmd.check("ip", "netns", "add", ns);
    try {
      Cmd.check("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "eth1");
      Applied a = TcApplier.apply(ns, TcRenderer.renderEgress(PROFILE.up(), Direction.UP, "eth0"), caps);
      String shown = Cmd.check("tc", "-n", ns, "qdisc", "show", "dev", "eth0").stdout();
      assertTrue(shown.contains("netem") && shown.contains("htb"), shown);
      a.close();
      assertFalse(Cmd.check("tc", "-n", ns, "qdisc", "show", "dev", "eth0").stdout().contains("netem"));
      a.close();
    } finally {
      Cmd.run(List.of("ip", "netns", "del", ns));
    }
  }
}
