package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1 on Linux runs on the engine's own epoll loops, started by each run: the run sends
 * from threads of its own and, when it ends, leaves no thread, socket or epoll descriptor behind.
 */
class OwnLoopsTest {
  @Test
  void aRunUsesItsOwnLoopsAndLeavesNothingBehind() throws Exception {
    assumeTrue(Epoll.isAvailable(), "skipped: native epoll unavailable, runs use Vert.x event loops");
    try (StallingServer server = new StallingServer(-1, 0)) {
      LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:" + server.port() + "/"), 8, 2,
          List.of(new Phase("steady", Duration.ofSeconds(2), new ConstantRate(400), false)),
          List.of(new RequestTemplate("get", 1, "GET", "/", List.of(), null)), 7, Duration.ofSeconds(5), Duration.ofSeconds(1));
      LoadEngine engine = LoadEngines.vertx();
      engine.run(plan, RunObserver.NONE, LatencyLogWriter.discarding(), new RunControl()); // loads the classes and the native library once
      awaitClosed(server);
      long descriptorsBefore = openDescriptors();
      long[] loopThreadsSeen = {0};
      RunObserver observer = s -> loopThreadsSeen[0] = Math.max(loopThreadsSeen[0], loopThreads());
      MeasuredRun run = engine.run(plan, observer, LatencyLogWriter.discarding(), new RunControl());
      assertEquals(800, run.all().count());
      assertEquals(0, run.all().errors());
      assertEquals(2, loopThreadsSeen[0], "one loop thread per event loop of the plan while it ran");
      assertEquals(0, loopThreads(), "loop threads left running");
      awaitClosed(server);
      assertEquals(descriptorsBefore, openDescriptors(), "descriptors left open");
    }
  }

  private static void awaitClosed(StallingServer server) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.openConnections() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, server.openConnections(), "connections left open");
    Thread.sleep(50); // the server's own sockets close right after its count drops
  }

  private static long loopThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("perftwin-loop-") && t.isAlive()).count();
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
