package io.perftwin.loadgen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.perftwin.loadgen.NanoClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http1TransportTest {
  /**
   * A run whose requests are still in flight at its drain deadline closes each loop's transport,
   * and undeploying the loop (shared event loops, or closing the engine's own Vert.x) closes it
   * again: the connector, which frees the loop's receive buffer, must be closed only once.
   */
  @Test
  void closingTwiceClosesTheConnectorOnce() {
    int[] opened = {0};
    int[] closed = {0};
    Http1Transport.Connector connector = new Http1Transport.Connector() {
      @Override
      public void open(Http1Transport transport) {
        opened[0]++;
      }

      @Override
      public void close() {
        closed[0]++;
      }
    };
    // The transport only arms its timeout sweep here; no timer needs to fire.
    LoopThread thread = new LoopThread() {
      @Override
      public void execute(Runnable task) {
        task.run();
      }

      @Override
      public void schedule(Runnable task, long delayNanos) {}

      @Override
      public Rearmable timer(Runnable task) {
        return new Rearmable() {
          @Override
          public void arm(long delayNanos) {}

          @Override
          public void cancel() {}
        };
      }
    };
    Http1Transport transport = new Http1Transport(thread, NanoClock.SYSTEM,
        (phase, name, user, intended, sent, error) -> 0, connector, 1, new RequestRenderer[0], List.of(),
        Duration.ofSeconds(1));
    transport.close();
    transport.close();
    assertEquals(0, opened[0]);
    assertEquals(1, closed[0]);
  }
}
