package io.perftwin.shaping.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.perftwin.shaping.Capabilities;
import io.perftwin.shaping.kernel.Cmd;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilityProbeTest {

  @Test
  void probeIsFastLeavesNothingAndAgreesWithTheKernel() {
    List<String> before = probeNamespaces();
    long t0 = System.nanoTime();
    Capabilities caps = CapabilityProbe.probe();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("probe took " + millis + " ms: " + caps);
    assertTrue(millis < 2000, "probe took " + millis + " ms");
    assertEquals(before, probeNamespaces(), "scratch namespace removed");
    assertEquals(CapabilityProbe.isRoot(), caps.root());
    assumeTrue(caps.root() && caps.namespaces(), "skipped: the cross-check needs root and namespaces");
    // Independent check of two answers in a namespace of our own.
    String ns = "pt-shtest-" + ProcessHandle.current().pid() + "-probe";
    Cmd.check("ip", "netns", "add", ns);
    try {
      Cmd.check("ip", "-n", ns, "link", "add", "x0", "type", "veth", "peer", "name", "x1");
      boolean netem = Cmd.run("tc", "-n", ns, "qdisc", "add", "dev", "x0", "root", "netem", "delay", "1ms").ok();
      Cmd.run("tc", "-n", ns, "qdisc", "del", "dev", "x0", "root");
      boolean htb = Cmd.run("tc", "-n", ns, "qdisc", "add", "dev", "x0", "root", "htb").ok();
      assertEquals(netem, caps.netem(), "netem");
      assertEquals(htb, caps.htb(), "htb");
      assertEquals(caps.netem(), caps.notes().stream().noneMatch(n -> n.startsWith("no netem")), "a missing capability has a note");
    } finally {
      Cmd.run("ip", "netns", "del", ns);
    }
  }

  static List<String> probeNamespaces() {
    return Cmd.run("ip", "netns", "list").stdout().lines().map(l -> l.split("\\s+")[0])
        .filter(n -> n.startsWith(CapabilityProbe.NAMESPACE_PREFIX)).toList();
  }
}
