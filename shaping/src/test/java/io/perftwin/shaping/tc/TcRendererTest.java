package io.perftwin.shaping.tc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.shaping.ConnectionFaults;
import io.perftwin.shaping.DelayDistribution;
import io.perftwin.shaping.Direction;
import io.perftwin.shaping.Golden;
import io.perftwin.shaping.LinkImpairment;
import io.perftwin.shaping.LossModel;
import io.perftwin.shaping.NetworkProfile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden files: src/test/resources/golden/tc/*.sh (setup and teardown per profile). */
class TcRendererTest {
  static final Duration MS20 = Duration.ofMillis(20);

  static Map<String, NetworkProfile> profiles() {
    Map<String, NetworkProfile> m = new LinkedHashMap<>();
    m.put("quickstart", new NetworkProfile(MS20, Duration.ofMillis(5), 0.001, 100_000_000L));
    m.put("delay-only", new NetworkProfile(Duration.ofMillis(50), null, null, null));
    m.put("rate-only", new NetworkProfile(null, null, null, 1_500_000L));
    m.put("full-netem", NetworkProfile.symmetric(new LinkImpairment(MS20, Duration.ofMillis(5), DelayDistribution.PARETONORMAL,
        0.25, new LossModel.Random(0.005), 0.01, 0.05, 0.0001, 10_000_000L)));
    m.put("gilbert-elliott", NetworkProfile.symmetric(new LinkImpairment(null, null, null, null,
        new LossModel.GilbertElliott(0.01, 0.3, 1, 0), null, null, null, null)));
    m.put("asymmetric", new NetworkProfile(
        new LinkImpairment(Duration.ofNanos(1_500_000), null, null, null, null, null, null, null, 2_000_000L),
        new LinkImpairment(Duration.ofMillis(40), Duration.ofMillis(10), DelayDistribution.NORMAL, null, null, null, null, null,
            50_000_000L),
        new ConnectionFaults(null, 0.01, null, null, null, null, null), false));
    m.put("down-only", new NetworkProfile(LinkImpairment.NONE,
        LinkImpairment.of(Duration.ofMillis(100), null, 0.02, null), null, false));
    return m;
  }

  @Test
  void goldenScripts() throws Exception {
    for (Map.Entry<String, NetworkProfile> e : profiles().entrySet()) {
      TcScript s = TcRenderer.render(e.getValue(), "eth0", "ifb0");
      Golden.assertMatches("tc/" + e.getKey() + ".sh", s.text());
      Golden.assertMatches("tc/" + e.getKey() + ".teardown.sh", s.teardownText());
    }
  }

  @Test
  void goldenEgressScriptForOneNamespace() throws Exception {
    NetworkProfile p = profiles().get("quickstart");
    Golden.assertMatches("tc/quickstart.egress-up.sh", TcRenderer.renderEgress(p.up(), Direction.UP, "eth0").text());
  }

  @Test
  void deterministic() {
    for (NetworkProfile p : profiles().values()) {
      assertEquals(TcRenderer.render(p, "eth0", "ifb0").text(), TcRenderer.render(p, "eth0", "ifb0").text());
    }
  }

  @Test
  void shapeOfTheCommands() {
    TcScript s = TcRenderer.render(profiles().get("quickstart"), "eth0", "ifb0");
    String text = s.text();
    assertTrue(text.contains("\nethtool -K eth0 tso off gso off gro off\n"), "offloads off because loss is set");
    assertTrue(text.contains("\ntc class add dev eth0 parent 1: classid 1:1 htb rate 100mbit ceil 100mbit\n"), text);
    assertTrue(text.contains("\ntc qdisc add dev eth0 parent 1:1 handle 10: netem limit 100000 delay 20ms 5ms loss random 0.1%\n"), text);
    assertTrue(text.contains("action mirred egress redirect dev ifb0\n"), "ingress redirected to the IFB");
    assertTrue(text.contains("\ntc qdisc add dev ifb0 parent 1:1 handle 10: netem"), text);
    String noLoss = TcRenderer.render(profiles().get("delay-only"), "eth0", "ifb0").text();
    assertTrue(!noLoss.contains("ethtool"), "offloads untouched without loss");
    assertTrue(noLoss.contains("\ntc qdisc add dev eth0 root handle 10: netem limit 100000 delay 50ms\n"), noLoss);
    String jitterOnly = TcRenderer.render(new NetworkProfile(null, Duration.ofMillis(5), null, null), "eth0", "ifb0").text();
    assertTrue(jitterOnly.contains("\ntc qdisc add dev eth0 root handle 10: netem limit 100000 delay 0ms 5ms\n"), jitterOnly);
  }
}
