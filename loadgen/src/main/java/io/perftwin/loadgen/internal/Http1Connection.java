package io.perftwin.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.perftwin.loadgen.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One HTTP/1.1 connection of {@link Http1Transport}: at most one request in flight (no
 * pipelining). The in-flight request's state lives in these fields, so a request costs no
 * object of its own. Subclasses move the bytes: {@link ChannelHttp1Connection} through a Netty
 * channel, {@link EpollHttp1Connection} on the epoll socket directly.
 */
abstract class Http1Connection {
  final Http1Transport transport;
  final Http1ResponseParser parser = new Http1ResponseParser();

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
      body = Arrays.copyOf(body, Math.min(MAX_BODY, Math.max(bodyLength + keep, body.length * 2 + 256)));
    }
    buf.getBytes(index, body, bodyLength, keep);
    bodyLength += keep;
  };

  boolean busy;
  int phase;
  int name;
  int user;
  long intendedNanos;
  long sentNanos;

  Http1Connection(Http1Transport transport) {
    this.transport = transport;
  }

  /** Writes the next request of {@code request}. A failure closes the connection. */
  abstract void write(RequestRenderer request);

  /** Closes the connection; the transport hears of it once, through {@link Http1Transport#connectionClosed}. */
  abstract void disconnect();

  /** Forgets the body of the previous response. */
  void resetBody() {
    bodyLength = 0;
  }

  /** The body kept so far, as UTF-8 text. */
  String bodyText() {
    return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
  }

  /**
   * Feeds bytes read from the connection to the response parser; the caller keeps ownership of
   * {@code in}. Returns false when the connection was closed on the way.
   */
  final boolean received(ByteBuf in) {
    if (!busy) {
      // Bytes nobody asked for: the server is confused; drop the connection.
      disconnect();
      return false;
    }
    parser.feed(in);
    if (parser.done()) {
      transport.responseComplete(this);
    } else if (parser.failed()) {
      transport.responseFailed(this, ErrorKind.OTHER);
      disconnect();
      return false;
    }
    return true;
  }
}
