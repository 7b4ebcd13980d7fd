package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.results.Histograms;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.loadgen.results.RequestStats;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The closed model: a fixed number of users, each waiting for its response (and its think time)
 * before its next request. Against a server that answers every request 5 ms late, 4 users without
 * think time can complete at most 4 × 3 s / 5 ms = 2,400 requests in 3 s; with timer slack and
 * the round trip each request takes a little longer, so we expect between 75% and 100% of that.
 * With 20 ms of think time each cycle is ≥ 25 ms: at most 4 × 3 s / 25 ms = 480.
 */
@Tag("slow")
class ClosedModelTest {

  private static MeasuredRun run(int port, int users, Duration think) {
    LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:" + port), 8, 2,
        List.of(new Phase("closed", Duration.ofSeconds(3), new ClosedUsers(users, think), false)),
        List.of(new RequestTemplate("get", 1, "GET", "/", List.of(), null)),
        7, Duration.ofSeconds(5), Duration.ofMillis(50));
    return LoadEngines.vertx().run(plan, RunObserver.NONE, LatencyLogWriter.discarding(), new RunControl());
  }

  @Test
  void throughputIsBoundedByUsersOverResponseTime() {
    try (StallingServer server = new StallingServer(Long.MAX_VALUE, 0, 5)) {
      MeasuredRun noThink = run(server.port(), 4, Duration.ZERO);
      RequestStats all = noThink.all();
      assertEquals(0, all.errors());
      assertTrue(all.count() >= 1800 && all.count() <= 2400, "4 users, 5 ms responses, 3 s: " + all.count());
      // No queueing in a closed model with fewer users than connections: latency is the service time.
      double p50 = Histograms.percentileMillis(all.responseTime(), 50);
      assertTrue(p50 >= 5 && p50 < 8, "p50 " + p50);
      assertEquals(all.count() / 3.0, noThink.offeredRate(), 4 / 3.0 + 1e-9,
          "offered = what the users sent (those still in flight at the end included)");

      MeasuredRun thinking = run(server.port(), 4, Duration.ofMillis(20));
      long count = thinking.all().count();
      assertTrue(count >= 360 && count <= 480, "4 users, 5 ms + 20 ms think, 3 s: " + count);
    }
  }
}
