package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agents of one plan together send exactly the plan's arrivals, none twice. */
class AgentShareTest {
  private static final URI TARGET = URI.create("http://127.0.0.1:1");

  private static LoadPlan plan(OpenShape shape, int loops) {
    return new LoadPlan(TARGET, 8, loops, List.of(new Phase("p", Duration.ofSeconds(2), shape, false)),
        List.of(new RequestTemplate("r", 1, "GET", "/", List.of(), null)), 42, Duration.ofSeconds(1), Duration.ofMillis(10));
  }

  private static List<Long> arrivals(LoadPlan plan) {
    List<Long> all = new ArrayList<>();
    OpenShape shape = (OpenShape) plan.phases().get(0).shape();
    for (int loop = 0; loop < plan.eventLoops(); loop++) {
      ArrivalSchedule s = shape.schedule(plan.phases().get(0).duration(), plan.scheduleShare(loop), plan.scheduleShares(), 7);
      for (long t = s.nextFireTimeNanos(); t != ArrivalSchedule.END; t = s.nextFireTimeNanos()) {
        all.add(t);
      }
    }
    return all;
  }

  @Test
  void threeAgentsTogetherSendThePlansArrivalsExactly() {
    for (OpenShape shape : List.<OpenShape>of(new ConstantRate(997), new RampRate(10, 1500), new StepRate(100, 900, 4))) {
      LoadPlan whole = plan(shape, 2);
      List<Long> expected = new ArrayList<>();
      ArrivalSchedule s = shape.schedule(Duration.ofSeconds(2), 0, 1, 7);
      for (long t = s.nextFireTimeNanos(); t != ArrivalSchedule.END; t = s.nextFireTimeNanos()) {
        expected.add(t);
      }
      List<Long> union = new ArrayList<>();
      List<Integer> perAgent = new ArrayList<>();
      for (int a = 0; a < 3; a++) {
        List<Long> mine = arrivals(whole.asAgent(a, 3, TARGET));
        perAgent.add(mine.size());
        union.addAll(mine);
      }
      union.sort(null);
      assertEquals(expected, union, shape.describe());
      int spread = perAgent.stream().mapToInt(Integer::intValue).max().getAsInt()
          - perAgent.stream().mapToInt(Integer::intValue).min().getAsInt();
      assertEquals(0, spread, 2.0, "agents get equal shares of " + shape.describe() + ": " + perAgent);
    }
  }

  @Test
  void anAgentIndexOutsideTheCountIsRefused() {
    LoadPlan whole = plan(new ConstantRate(10), 1);
    assertThrows(IllegalArgumentException.class, () -> whole.asAgent(2, 2, TARGET));
    assertThrows(IllegalArgumentException.class, () -> whole.asAgent(0, 0, TARGET));
  }
}
