package io.perftwin.loadgen;

import io.perftwin.loadgen.internal.VertxEngine;
import io.vertx.core.Vertx;
import java.time.Clock;

/** The engines. */
public final class LoadEngines {
  private LoadEngines() {}

  /** The Vert.x open-model engine on the system clocks. */
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
   * {@code vertx} open.
   */
  public static LoadEngine vertxOn(Vertx vertx) {
    return new VertxEngine(NanoClock.SYSTEM, Clock.systemUTC(), java.util.Objects.requireNonNull(vertx, "vertx"));
  }
}
