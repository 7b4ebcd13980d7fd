package io.perftwin.loadgen.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * An {@link Http1Connection} on a Netty channel of the event loop's own transport (NIO, or
 * epoll when the direct path is turned off): requests go through the channel pipeline.
 */
final class ChannelHttp1Connection extends Http1Connection {
  private Channel channel;

  private ChannelHttp1Connection(Http1Transport transport) {
    super(transport);
  }

  /** Opens connections as Netty channels of {@code channels} on {@code eventLoop}. */
  static Http1Transport.Connector connector(EventLoop eventLoop, ChannelFactory<? extends Channel> channels,
      InetSocketAddress address) {
    return transport -> {
      ChannelHttp1Connection c = new ChannelHttp1Connection(transport);
      Bootstrap bootstrap = new Bootstrap()
          .group(eventLoop)
          .channelFactory(channels)
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
              (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(transport.connectTimeoutNanos())))
          .handler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline().addLast(c.new Handler());
            }
          });
      ChannelFuture f = bootstrap.connect(address);
      f.addListener(future -> {
        if (future.isSuccess()) {
          c.channel = f.channel();
          transport.connected(c);
        } else {
          transport.connectFailed(future.cause());
        }
      });
    };
  }

  @Override
  void write(RequestRenderer request) {
    channel.writeAndFlush(request.next(channel.alloc()), channel.voidPromise());
  }

  @Override
  void disconnect() {
    channel.close();
  }

  private final class Handler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf in = (ByteBuf) msg;
      try {
        received(in);
      } finally {
        in.release();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      transport.connectionClosed(ChannelHttp1Connection.this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      transport.connectionError(ChannelHttp1Connection.this, cause);
      ctx.close();
    }
  }
}
