package io.perftwin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DemoServiceConfigTest {
  private static final ServiceTime MS1 = new ServiceTime.Constant(Duration.ofMillis(1));

  private static String error(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @Test
  void badValuesNameTheField() {
    assertEquals("workers must be >= 1, was 0", error(() -> DemoServiceConfig.DEFAULT.withWorkers(0)));
    assertEquals("pauseFor must be > 0, was PT0S",
        error(() -> DemoServiceConfig.DEFAULT.withPause(Duration.ofSeconds(1), Duration.ZERO)));
    assertEquals("path must start with '/', e.g. /checkout or /api/*, was 'checkout'",
        error(() -> DemoEndpoint.of("checkout", MS1)));
    assertEquals("path may contain '*' only at its end (a prefix), was '/a/*/b'", error(() -> DemoEndpoint.of("/a/*/b", MS1)));
    assertEquals("path /metrics is reserved by the demo service", error(() -> DemoEndpoint.of("/metrics", MS1)));
    assertEquals("errors.rate must be between 0 and 1 (0.01 = 1%), was 1.5",
        error(() -> DemoEndpoint.of("/a", MS1).withErrors(500, 1.5)));
    assertEquals("errors.rate must be between 0 and 1 (0.01 = 1%), was NaN",
        error(() -> DemoEndpoint.of("/a", MS1).withErrors(500, Double.NaN)));
    assertEquals("errors.status must be an HTTP error status 400-599, was 200",
        error(() -> DemoEndpoint.of("/a", MS1).withErrors(200, 0.1)));
    assertEquals("downstream must be an http://host:port/path URL, was 'ftp://x/'",
        error(() -> DemoEndpoint.of("/a", MS1).withDownstream(URI.create("ftp://x/"))));
    assertEquals("endpoints: path /a is listed twice", error(() -> DemoServiceConfig.DEFAULT.withEndpoints(
        List.of(DemoEndpoint.of("/a", MS1), DemoEndpoint.of("/a", MS1)))));
    assertEquals("lognormal median must be > 0, was 0ms", error(() -> new ServiceTime.LogNormal(Duration.ZERO, 1)));
  }

  @Test
  void exactBeatsPrefixAndLongerPrefixBeatsShorter() {
    DemoEndpoint all = DemoEndpoint.of("/*", MS1);
    DemoEndpoint api = DemoEndpoint.of("/api/*", MS1);
    DemoEndpoint checkout = DemoEndpoint.of("/api/checkout", MS1);
    DemoServiceConfig c = DemoServiceConfig.DEFAULT.withEndpoints(List.of(all, checkout, api));
    assertEquals(checkout, c.endpointFor("/api/checkout"));
    assertEquals(api, c.endpointFor("/api/checkout/2"));
    assertEquals(api, c.endpointFor("/api/"));
    assertEquals(all, c.endpointFor("/home"));
    assertNull(DemoServiceConfig.DEFAULT.withEndpoints(List.of(api)).endpointFor("/home"));
  }

  @Test
  void fourArgumentConstructorStillMeansNoEndpoints() {
    DemoServiceConfig c = new DemoServiceConfig(8, new ServiceTime.Exponential(Duration.ofMillis(2)), null, null);
    assertEquals(DemoServiceConfig.DEFAULT, c);
    assertEquals(4000.0, c.capacityPerSecond(), 1e-9);
    assertEquals(MS1, c.withEndpoints(List.of(DemoEndpoint.of("/x", MS1))).serviceTimeFor("/x"));
    assertEquals(c.serviceTime(), c.withEndpoints(List.of(new DemoEndpoint("/x", null, null, null))).serviceTimeFor("/x"));
  }

  @Test
  void stubPlaceholderIsResolvedByWithStub() {
    DemoEndpoint checkout = DemoEndpoint.of("/checkout", MS1).withDownstream(DemoEndpoint.STUB);
    DemoEndpoint other = DemoEndpoint.of("/other", MS1).withDownstream(URI.create("http://127.0.0.1:9/x"));
    DemoServiceConfig c = DemoServiceConfig.DEFAULT.withEndpoints(List.of(checkout, other));
    assertEquals(true, c.needsStub());
    assertEquals("endpoint /checkout: downstream 'stub' has no address yet; start a StubService and pass"
        + " config.withStub(url)", error(() -> DemoService.start(c, "127.0.0.1", 0, 1)));
    DemoServiceConfig resolved = c.withStub(URI.create("http://10.0.0.3:9090/"));
    assertEquals(false, resolved.needsStub());
    assertEquals(URI.create("http://10.0.0.3:9090/"), resolved.endpointFor("/checkout").downstream());
    assertEquals(other, resolved.endpointFor("/other"));
  }
}
