package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.NanoClock;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Protocol;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.net.InetSocketAddress;

/**
 * A {@link LoadLoop} on a Vert.x event loop: h2c through the Vert.x HTTP client; HTTP/1.1 on
 * sockets registered with the loop's epoll directly ({@link NettyPoller}), else through Netty
 * channels of the loop's transport (NIO, or {@value VertxEngine#CHANNELS_PROPERTY}{@code =true}).
 */
final class LoadVerticle extends VerticleBase {
  private final LoadLoop loop;
  private final LoadPlan plan;
  private final NanoClock clock;

  LoadVerticle(LoadLoop loop, LoadPlan plan, NanoClock clock) {
    this.loop = loop;
    this.plan = plan;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    NettyLoopThread thread = new NettyLoopThread((ContextInternal) context);
    loop.start(thread, (completion, connections, renderers) -> {
      if (plan.protocol() == Protocol.H2C) {
        return new VertxHttpTransport(vertx, clock, completion, plan.target(), connections, plan.requests(), renderers,
            Math.max(1, plan.requestTimeout().toMillis()), true);
      }
      InetSocketAddress address = VertxEngine.address(plan);
      NettyPoller poller = Boolean.getBoolean(VertxEngine.CHANNELS_PROPERTY) ? null : NettyPoller.of(thread);
      Http1Transport.Connector connector = poller != null ? EpollHttp1Connection.connector(poller, address)
          : ChannelHttp1Connection.connector(thread.eventLoop(), ((VertxInternal) vertx).transport().channelFactory(false), address);
      return new Http1Transport(thread, clock, completion, connector, connections, renderers, plan.requests(),
          plan.requestTimeout());
    });
    return Future.succeededFuture();
  }

  /** Undeployed (shared event loops): the connections close; requests still in flight fail and are recorded. */
  @Override
  public Future<?> stop() {
    loop.closeTransport();
    return Future.succeededFuture();
  }
}
