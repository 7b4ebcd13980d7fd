package io.perftwin.shaping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class NetworkProfileTest {
  static final Duration MS20 = Duration.ofMillis(20);

  @Test
  void fourKnobConstructorAppliesBothDirections() {
    NetworkProfile p = new NetworkProfile(MS20, Duration.ofMillis(5), 0.001, 100_000_000L);
    assertEquals(p.up(), p.down());
    assertEquals(List.of("delay", "jitter", "loss", "rate"), p.knobsSet());
    assertEquals(MS20, p.delay());
    assertEquals(0.001, p.lossRatio());
    assertEquals(100_000_000L, p.rateBitsPerSecond());
    assertEquals(new NetworkProfile(MS20, Duration.ofMillis(5), 0.001, 100_000_000L), p);
  }

  @Test
  void emptyProfiles() {
    assertTrue(NetworkProfile.NONE.isEmpty());
    assertTrue(new NetworkProfile(null, null, null, null).isEmpty());
    assertEquals(NetworkProfile.NONE, new NetworkProfile(null, null, null, null));
    assertEquals(List.of(), NetworkProfile.NONE.knobsSet());
  }

  @Test
  void asymmetricKnobsAreNamedPerDirection() {
    LinkImpairment up = new LinkImpairment(MS20, null, null, null, null, null, null, null, 10_000_000L);
    LinkImpairment down = new LinkImpairment(MS20, null, null, null, new LossModel.Random(0.02), null, null, null, null);
    NetworkProfile p = new NetworkProfile(up, down, null, false)
        .withConnection(new ConnectionFaults(null, 0.01, null, Duration.ofSeconds(1), null, null, null));
    assertEquals(List.of("delay", "down.loss", "up.rate", "reset", "slowClose"), p.knobsSet());
    assertNull(p.rateBitsPerSecond(), "not the same in both directions");
    assertNull(p.lossRatio());
  }

  @Test
  void gilbertElliottMeanLoss() {
    // π_bad = 0.01 / (0.01 + 0.3); loss = π_bad · 1 + π_good · 0
    assertEquals(0.01 / 0.31, new LossModel.GilbertElliott(0.01, 0.30, 1.0, 0.0).meanLossRatio(), 1e-12);
  }

  @Test
  void badInputNamesTheFieldAndWhatIsAllowed() {
    assertMessage("loss must be between 0% and 100%, was 120%", () -> new NetworkProfile(null, null, 1.2, null));
    assertMessage("delay must be >= 0, was -1ms", () -> new NetworkProfile(Duration.ofMillis(-1), null, null, null));
    assertMessage("rate must be > 0, was 0", () -> new NetworkProfile(null, null, null, 0L));
    assertMessage("distribution needs jitter (it shapes the jitter around the delay)",
        () -> new LinkImpairment(MS20, null, DelayDistribution.NORMAL, null, null, null, null, null, null));
    assertMessage("correlation must be between 0% and 100%, was -5%",
        () -> new LinkImpairment(MS20, MS20, null, -0.05, null, null, null, null, null));
    assertMessage("reorder needs delay > 0 (reordered packets are the ones sent without the delay)",
        () -> new LinkImpairment(null, null, null, null, null, null, 0.1, null, null));
    assertMessage("duplicate must be between 0% and 100%, was 101%",
        () -> new LinkImpairment(null, null, null, null, null, 1.01, null, null, null));
    assertMessage("corrupt must be between 0% and 100%, was NaN",
        () -> new LinkImpairment(null, null, null, null, null, null, null, Double.NaN, null));
    assertMessage("loss.1-h must be between 0% and 100%, was 150%", () -> new LossModel.GilbertElliott(0.1, 0.1, 1.5, 0));
    assertMessage("loss.p and loss.r cannot both be 0% (the chain would never leave its first state)",
        () -> new LossModel.GilbertElliott(0, 0, 1, 0));
    assertMessage("distribution must be one of uniform, normal, pareto, paretonormal, was 'gauss'",
        () -> DelayDistribution.of("gauss"));
    assertMessage("reset.probability must be between 0% and 100%, was 200%",
        () -> new ConnectionFaults(null, 2.0, null, null, null, null, null));
    assertMessage("reset.afterBytes must be > 0, was 0", () -> new ConnectionFaults(0L, null, null, null, null, null, null));
    assertMessage("slicer.sizeVariation must be >= 0 and < slicer.averageSize (100), was 100",
        () -> new ConnectionFaults.Slicer(100, 100, Duration.ZERO));
    assertMessage("timeout must be >= 0, was -1s",
        () -> new ConnectionFaults(null, null, Duration.ofSeconds(-1), null, null, null, null));
  }

  private static void assertMessage(String expected, Executable e) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
  }
}
