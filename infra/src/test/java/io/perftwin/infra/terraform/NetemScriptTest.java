package io.perftwin.infra.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.perftwin.infra.topology.LinkSpec;
import io.perftwin.infra.topology.NodeRun;
import io.perftwin.infra.topology.NodeSpec;
import io.perftwin.infra.topology.Role;
import io.perftwin.infra.topology.Topology;
import io.perftwin.shaping.LinkImpairment;
import io.perftwin.shaping.NetworkProfile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetemScriptTest {
  private static final NodeSpec API = new NodeSpec("api", Role.TARGET, 1, NodeRun.Stub.INSTANCE);

  @Test
  void argumentsCarryUnitsTcUnderstands() {
    assertEquals("delay 20ms 5ms loss 0.1% rate 100000000bit", NetemScript.netemArguments(
        new NetworkProfile(Duration.ofMillis(20), Duration.ofMillis(5), 0.001, 100_000_000L)));
    assertEquals("delay 1500us", NetemScript.netemArguments(new NetworkProfile(Duration.ofNanos(1_500_000), null, null, null)));
    assertEquals("loss 25%", NetemScript.netemArguments(new NetworkProfile(null, null, 0.25, null)));
    assertEquals("loss 100%", NetemScript.netemArguments(new NetworkProfile(null, null, 1.0, null)));
  }

  @Test
  void unshapedNodeHasNoScript() {
    Topology t = Topology.defaults();
    assertEquals(Optional.empty(), NetemScript.script(t, t.node("target").orElseThrow()));
  }

  @Test
  void shapedLinksIntoOneNodeMustShareAProfile() {
    NetworkProfile a = new NetworkProfile(Duration.ofMillis(10), null, null, null);
    NetworkProfile b = new NetworkProfile(Duration.ofMillis(30), null, null, null);
    Topology t = new Topology(List.of(NodeSpec.loadgen("eu", 1), NodeSpec.loadgen("us", 1), API),
        List.of(new LinkSpec("eu", "api", a), new LinkSpec("us", "api", b)));
    assertEquals(List.of(), t.problems());
    assertEquals(List.of("environment.links[1].network: staging shapes the replies of 'api' by source port,"
        + " so every shaped link into it needs the same network profile"), NetemScript.stagingProblems(t));
  }

  @Test
  void knobsStagingCannotRenderAreReportedNotDropped() {
    // delay only on the way up: the four-knob view has no delay, so nothing would render it
    NetworkProfile upOnly = new NetworkProfile(
        LinkImpairment.of(Duration.ofMillis(10), null, null, null), LinkImpairment.NONE, null, false);
    Topology t = new Topology(List.of(NodeSpec.loadgen("lg", 1), API), List.of(new LinkSpec("lg", "api", upOnly)));
    assertEquals(List.of("environment.links[0].network: staging applies delay, jitter, loss (random) and rate,"
        + " the same in both directions; not up.delay"), NetemScript.stagingProblems(t));
  }

  @Test
  void serviceHostVariableIsWhatKubernetesSets() {
    assertEquals("DB2_SERVICE_HOST", NetemScript.serviceHostVariable("db2"));
  }
}
