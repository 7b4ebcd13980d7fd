package io.perftwin.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * One HTTP/1.1 connection of {@link Http1Transport}: at most one request in flight (no
 * pipelining). The in-flight request's state lives in these fields, so a request costs no
 * object of its own.
 */
final class Http1Connection extends ChannelInboundHandlerAdapter {
  private final Http1Transport transport;
  final Http1ResponseParser parser = new Http1ResponseParser();
  Channel channel;

  /** Body bytes kept for checks that read the body; at most {@link #MAX_BODY}. */
  static final int MAX_BODY = 1 << 20;
  private byte[] body = new byte[0];
  private int bodyLength;
  final Http1ResponseParser.BodySink bodySink = (buf, index, length) -> {
    int keep = Math.min(length, MAX_BODY - bodyLength);
    if (keep <= 0) {
      return;
    }
    if (bodyLength + keep > body.length) {
      body = java.util.Arrays.copyOf(body, Math.min(MAX_BODY, Math.max(bodyLength + keep, body.length * 2 + 256)));
    }
    buf.getBytes(index, body, bodyLength, keep);
    bodyLength += keep;
  };

  /** Forgets the body of the previous response. */
  void resetBody() {
    bodyLength = 0;
  }

  /** The body kept so far, as UTF-8 text. */
  String bodyText() {
    return new String(body, 0, bodyLength, java.nio.charset.StandardCharsets.UTF_8);
  }

  boolean busy;
  int phase;
  int name;
  int user;
  long intendedNanos;
  long sentNanos;

  Http1Connection(Http1Transport transport) {
    this.transport = transport;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    try {
      if (!busy) {
        // Bytes nobody asked for: the server is confused; drop the connection.
        ctx.close();
        return;
      }
      parser.feed(in);
      if (parser.done()) {
        transport.responseComplete(this);
      } else if (parser.failed()) {
        transport.responseFailed(this, io.perftwin.loadgen.ErrorKind.OTHER);
        ctx.close();
      }
    } finally {
      in.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    transport.connectionClosed(this);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    transport.connectionError(this, cause);
    ctx.close();
  }
}
