package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import io.perftwin.shaping.Direction;
import io.perftwin.shaping.LossModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code network:} section: every knob read, bad values named with their position. */
class NetworkInputTest {
  private static final String BASE = """
      name: n
      target: {service: demo}
      load:
        phases:
          - steady: {constantRate: 10/s, duration: 1s}
        requests:
          - {name: home, GET: /}
      network:
      """;

  private static Scenario parse(String network) throws ScenarioException {
    return ScenarioParser.parse(Path.of("scenarios/net.yaml"), BASE + network, new Overrides(List.of(), null, null));
  }

  private static String error(String network) {
    return assertThrows(ScenarioException.class, () -> parse(network)).getMessage();
  }

  @Test
  void badValuesExit2NamingTheField() {
    String loss = error("  loss: 150%\n");
    assertTrue(loss.startsWith("scenarios/net.yaml:9:9: "), loss);
    assertTrue(loss.contains("'loss'") && loss.contains("150%"), loss);
    String delay = error("  delay: -5ms\n");
    assertTrue(delay.contains("'delay'") && delay.contains("-5ms"), delay);
    String rate = error("  rate: fast\n");
    assertTrue(rate.contains("'rate'") && rate.contains("fast"), rate);
    String dist = error("  jitter: 5ms\n  distribution: gaussian\n");
    assertTrue(dist.contains("unknown distribution 'gaussian'"), dist);
    String needsJitter = error("  distribution: normal\n");
    assertTrue(needsJitter.contains("distribution needs jitter"), needsJitter);
  }

  @Test
  void directionsOverrideTheBothWaysKnobs() throws ScenarioException {
    Scenario s = parse("""
          delay: 20ms
          loss: {model: gilbertElliott, p: 1%, r: 20%}
          up: {rate: 10mbit}
          down: {rate: 50mbit}
          connection: {slowClose: 100ms}
          approximate: true
        """);
    assertEquals(Duration.ofMillis(20), s.network().link(Direction.UP).delay());
    assertEquals(Duration.ofMillis(20), s.network().link(Direction.DOWN).delay());
    assertEquals(10_000_000L, s.network().link(Direction.UP).rateBitsPerSecond());
    assertEquals(50_000_000L, s.network().link(Direction.DOWN).rateBitsPerSecond());
    assertTrue(s.network().link(Direction.UP).loss() instanceof LossModel.GilbertElliott);
    assertEquals(Duration.ofMillis(100), s.network().connection().slowClose());
    assertTrue(s.network().approximate());
  }
}
