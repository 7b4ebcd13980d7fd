package io.perftwin.loadgen.internal;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.TimeUnit;

/**
 * A Vert.x event loop as a {@link LoopThread}: tasks and timers run on the loop's Netty event
 * loop inside the Vert.x context, as Vert.x clients (h2c) expect.
 */
final class NettyLoopThread implements LoopThread {
  private final ContextInternal ctx;
  private final EventLoop eventLoop;

  NettyLoopThread(ContextInternal ctx) {
    this.ctx = ctx;
    this.eventLoop = ctx.nettyEventLoop();
  }

  EventLoop eventLoop() {
    return eventLoop;
  }

  @Override
  public void execute(Runnable task) {
    ctx.runOnContext(v -> task.run());
  }

  @Override
  public void schedule(Runnable task, long delayNanos) {
    eventLoop.schedule(() -> ctx.dispatch(task), delayNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public Rearmable timer(Runnable task) {
    Runnable inContext = () -> ctx.dispatch(task);
    // Netty has no movable timer: each arming schedules anew. That is enough here: the load
    // loop's tick and the transport's timeout sweep never arm while armed (each arms the next
    // one as it runs), and a connect timeout is armed once.
    return new Rearmable() {
      private ScheduledFuture<?> pending;

      @Override
      public void arm(long delayNanos) {
        pending = eventLoop.schedule(inContext, delayNanos, TimeUnit.NANOSECONDS);
      }

      @Override
      public void cancel() {
        if (pending != null) {
          pending.cancel(false);
          pending = null;
        }
      }
    };
  }
}
