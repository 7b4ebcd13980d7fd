package io.perftwin.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static final Slo SLO = new Slo("p99 < 50ms", null, Slo.Metric.PERCENTILE, 99, Slo.Comparison.LT, 50);
  private static final SloResult MET = new SloResult(SLO, "all", 7.9, true);
  private static final SloResult MISSED = new SloResult(SLO, "all", 73.2, false);

  @Test
  void passWhenValidAndEveryObjectiveIsMet() {
    assertEquals(Verdict.PASS, Verdict.of(true, List.of(MET, MET)));
  }

  @Test
  void passWhenValidWithoutObjectives() {
    assertEquals(Verdict.PASS, Verdict.of(true, List.of()));
  }

  @Test
  void failWhenAnyObjectiveIsMissed() {
    assertEquals(Verdict.FAIL, Verdict.of(true, List.of(MET, MISSED)));
    assertEquals(Verdict.FAIL, Verdict.of(true, List.of(MISSED)));
  }

  @Test
  void invalidTakesPrecedenceOverTheObjectives() {
    assertEquals(Verdict.INVALID, Verdict.of(false, List.of(MET)));
    assertEquals(Verdict.INVALID, Verdict.of(false, List.of(MISSED)));
    assertEquals(Verdict.INVALID, Verdict.of(false, List.of()));
  }

  @Test
  void validityComesFromTheRunsInvalidReasons() {
    var valid = Fixtures.quickstartRun(List.of(), Map.of());
    var invalid = Fixtures.quickstartRun(List.of("interrupted: SIGINT"), Map.of());
    assertEquals(Verdict.FAIL, Verdict.of(valid, List.of(MISSED)));
    assertEquals(Verdict.INVALID, Verdict.of(invalid, List.of(MET)));
  }

  @Test
  void exitCodesAndKeysAreTheContract() {
    assertEquals(0, Verdict.PASS.exitCode());
    assertEquals(1, Verdict.FAIL.exitCode());
    assertEquals(3, Verdict.INVALID.exitCode());
    assertEquals("pass", Verdict.PASS.key());
    assertEquals("fail", Verdict.FAIL.key());
    assertEquals("invalid", Verdict.INVALID.key());
  }
}
