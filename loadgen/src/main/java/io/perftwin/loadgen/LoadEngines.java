package io.perftwin.loadgen;

import io.perftwin.loadgen.internal.VertxEngine;
import io.vertx.core.Vertx;
import java.time.Clock;

/** The engines. */
public final class LoadEngines {
  private LoadEngines() {}

  /**
   * The open-model engine on the system clocks. HTTP/1.1 on Linux runs on event loops of its own
   * that each run starts and stops; h2c, and everything where native epoll is missing, on a
   * Vert.x instance of the run's own.
   */
  public static LoadEngine vertx() {
    return new VertxEngine(NanoClock.SYSTEM, Clock.systemUTC());
  }

  /**
   * Event loops for {@link #vertxOn}: a Vert.x instance with the engine's options (native
   * transport, {@code loops} event loops, one worker). The caller closes it.
   */
  public static Vertx eventLoops(int loops) {
    return Vertx.vertx(VertxEngine.options(loops));
  }

  /**
   * The Vert.x engine on event loops the caller owns (from {@link #eventLoops}, with as many loops
   * as the plan's {@code eventLoops}), so that other Vert.x code in the process, such as the
   * in-process shaping proxy, runs on the same threads instead of competing with them. Runs leave
   * {@code vertx} open. HTTP/1.1 then goes through Netty channels on those loops, which costs more
   * CPU per request than the engine's own loops of {@link #vertx()} (docs/benchmarks.md).
   */
  public static LoadEngine vertxOn(Vertx vertx) {
    return new VertxEngine(NanoClock.SYSTEM, Clock.systemUTC(), java.util.Objects.requireNonNull(vertx, "vertx"));
  }
}
