package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link LoadEngines#vertxOn}: runs on the caller's event loops, close their connections, leave them open. */
class SharedLoopsTest {
  @Test
  void runsOnTheCallersLoopsAndLeavesThemOpen() throws Exception {
    Vertx loops = LoadEngines.eventLoops(1);
    try (StallingServer server = new StallingServer(-1, 0)) {
      LoadEngine engine = LoadEngines.vertxOn(loops);
      LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:" + server.port() + "/"), 8, 1,
          List.of(new Phase("steady", Duration.ofSeconds(1), new ConstantRate(300), false)),
          List.of(new RequestTemplate("get", 1, "GET", "/", List.of(), null)), 7, Duration.ofSeconds(5), Duration.ofSeconds(1));
      for (int run = 1; run <= 2; run++) {
        MeasuredRun measured = engine.run(plan, RunObserver.NONE, LatencyLogWriter.discarding(), new RunControl());
        assertEquals(300, measured.all().count(), "run " + run);
        assertEquals(0, measured.all().errors(), "run " + run);
        assertTrue(loops.deploymentIDs().isEmpty(), "run " + run + " undeployed its loops: " + loops.deploymentIDs());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.openConnections() > 0 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertEquals(0, server.openConnections(), "run " + run + " closed its connections");
      }
      assertEquals(600, server.requests());
    } finally {
      loops.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
