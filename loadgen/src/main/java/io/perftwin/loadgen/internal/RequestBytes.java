package io.perftwin.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.Template;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The wire form of a request template that has no placeholders: encoded once, written many
 * times without copying (an unreleasable buffer, duplicated per write).
 */
final class RequestBytes {
  private RequestBytes() {}

  static ByteBuf encode(RequestTemplate t, URI target) {
    byte[] body = t.body() == null ? new byte[0] : literal(t.body()).getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(128)
        .append(t.method()).append(' ').append(literal(t.path())).append(" HTTP/1.1\r\n")
        .append("Host: ").append(target.getHost());
    if (target.getPort() > 0) {
      head.append(':').append(target.getPort());
    }
    head.append("\r\n");
    boolean hasLength = false;
    for (RequestTemplate.Header h : t.headers()) {
      head.append(h.name()).append(": ").append(literal(h.value())).append("\r\n");
      hasLength |= h.name().equalsIgnoreCase("content-length");
    }
    if (!hasLength && (body.length > 0 || requiresLength(t.method()))) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    // A JDK direct buffer: freed by the garbage collector once the run's renderers are gone
    // (an unreleasable Netty direct buffer would never be freed), and it has a memory address
    // for sending without a copy.
    ByteBuffer direct = ByteBuffer.allocateDirect(headBytes.length + body.length);
    direct.put(headBytes).put(body).flip();
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct).asReadOnly());
  }

  /** The text of a template without placeholders, with {@code $$} turned into {@code $}. */
  static String literal(String text) {
    return Template.parse(text).render(new String[0]);
  }

  private static boolean requiresLength(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }
}
