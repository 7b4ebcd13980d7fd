package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.perftwin.infra.ServiceTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceTimeParserTest {

  private static ServiceTime parse(String text) throws ValueException {
    return ServiceTimeParser.parse("serviceTime", text);
  }

  private static ValueException error(String text) {
    return assertThrows(ValueException.class, () -> parse(text));
  }

  @Test
  void theThreeForms() throws ValueException {
    assertEquals(new ServiceTime.Exponential(Duration.ofMillis(2)), parse("exponential(2ms)"));
    assertEquals(new ServiceTime.Constant(Duration.ofMillis(2)), parse("constant( 2ms )"));
    assertEquals(new ServiceTime.Constant(Duration.ofNanos(1_500_000)), parse("1.5ms"));
    assertEquals(new ServiceTime.Constant(Duration.ZERO), parse("constant(0ms)"));
  }

  @Test
  void formatIsTheScenarioSpelling() throws ValueException {
    assertEquals("exponential(2ms)", ServiceTimeParser.format(parse("exponential(2ms)")));
    assertEquals("constant(250us)", ServiceTimeParser.format(parse("0.25ms")));
  }

  @Test
  void errorsPointAtTheWrongPart() {
    ValueException e = error("exponental(2ms)");
    assertEquals("unknown distribution 'exponental' in 'serviceTime'", e.getMessage());
    assertEquals("did you mean 'exponential'?", e.suggestion());
    assertEquals(ServiceTimeParser.FORMS, e.allowed());
    assertEquals(0, e.offset());

    ValueException zero = error("exponential(0ms)");
    assertEquals("'serviceTime' must be > 0, got '0ms'", zero.getMessage());
    assertEquals(12, zero.offset());

    assertEquals("'serviceTime' must be a duration with a unit: ns, us, ms, s, m or h (e.g. 20ms, 1.5s), got '2'",
        error("constant(2)").getMessage());
    assertEquals("'serviceTime' must be >= 0, got '-2ms'", error("-2ms").getMessage());
  }

  @Test
  void aWordThatIsNotAFormListsTheForms() {
    ValueException e = error("exponential 2ms");
    assertEquals("'serviceTime' must be constant(D), exponential(D), lognormal(median=D, p99=D) or a duration D (e.g. 2ms), got 'exponential 2ms'",
        e.getMessage());
    assertEquals("write it as exponential(D), e.g. exponential(2ms)", e.suggestion());
  }

  @Test
  void commandLineFormThrowsIllegalArgument() {
    assertEquals(new ServiceTime.Exponential(Duration.ofMillis(3)), ServiceTimeParser.parse("exponential(3ms)"));
    assertThrows(IllegalArgumentException.class, () -> ServiceTimeParser.parse("fast"));
  }

  @Test
  void lognormalIsReadAndWrittenBackTheSameWay() throws Exception {
    io.perftwin.infra.ServiceTime t = ServiceTimeParser.parse("serviceTime", "lognormal(median=2ms, p99=20ms)");
    assertEquals(java.time.Duration.ofMillis(2), ((io.perftwin.infra.ServiceTime.LogNormal) t).median());
    assertEquals(t, ServiceTimeParser.parse("serviceTime", ServiceTimeParser.format(t)));
  }
}
