package io.perftwin.shaping;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.perftwin.shaping.kernel.Cmd;
import io.perftwin.shaping.probe.CapabilityProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapingLeftoversTest {

  @Test
  void removesNamespacesOfDeadProcessesOnly() throws Exception {
    Capabilities caps = CapabilityProbe.probe();
    assumeTrue(caps.root() && caps.namespaces(), "skipped: needs root and network namespaces");
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String dead = CapabilityProbe.NAMESPACE_PREFIX + gone.pid() + "-dead";
    String live = CapabilityProbe.NAMESPACE_PREFIX + ProcessHandle.current().pid() + "-live";
    Cmd.check("ip", "netns", "add", dead);
    try {
      Cmd.check("ip", "netns", "add", live);
      List<String> removed = ShapingLeftovers.cleanup();
      assertTrue(removed.contains(dead), "removed " + removed);
      assertFalse(removed.contains(live), "a live process's namespace is kept");
      List<String> names = Cmd.check("ip", "netns", "list").stdout().lines().map(l -> l.split("\\s+")[0]).toList();
      assertFalse(names.contains(dead));
      assertTrue(names.contains(live));
    } finally {
      Cmd.run("ip", "netns", "del", dead);
      Cmd.run("ip", "netns", "del", live);
    }
  }
}
