package io.perftwin.loadgen;

import io.perftwin.loadgen.internal.VertxEngine;
import java.time.Clock;

/** The engines. */
public final class LoadEngines {
  private LoadEngines() {}

  /** The Vert.x open-model engine on the system clocks. */
  public static LoadEngine vertx() {
    return new VertxEngine(NanoClock.SYSTEM, Clock.systemUTC());
  }
}
