package io.perftwin.loadgen.internal;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A minimal, allocation-free HTTP/1.1 response parser for the load generator: status code,
 * {@code Content-Length}, {@code Transfer-Encoding: chunked}, {@code Connection: close}, and the
 * end of the message. Bytes may arrive split anywhere. The body is skipped, or handed to a
 * {@link BodySink} when checks need it.
 *
 * <p>Not a general-purpose parser: it trusts the server to speak HTTP/1.1, ignores trailers,
 * and treats a malformed response as a protocol error ({@link #failed()}).
 */
final class Http1ResponseParser {
  /** Receives body bytes when the caller wants them. */
  interface BodySink {
    void append(ByteBuf data, int index, int length);
  }

  private enum State { STATUS_LINE, HEADERS, BODY_LENGTH, CHUNK_SIZE, CHUNK_DATA, CHUNK_DATA_END, TRAILERS, BODY_UNTIL_CLOSE, DONE, FAILED }

  private static final int MAX_LINE = 16 * 1024;
  /** Bytes copied out of the buffer at a time while reading lines: a typical response head. */
  private static final int WINDOW = 512;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LF_EVERY_BYTE = 0x0A0A0A0A0A0A0A0AL;

  /** A line split across reads, gathered. */
  private final byte[] line = new byte[MAX_LINE];
  private final byte[] window = new byte[WINDOW];
  private int lineLength;
  private State state = State.STATUS_LINE;
  private int status;
  private long remaining;
  private boolean chunked;
  private boolean close;
  private boolean noBody;
  private BodySink sink;

  /**
   * Prepares for the next response.
   *
   * @param headRequest true if the request was HEAD (the response has no body)
   * @param sink where body bytes go, or null to skip them
   */
  void reset(boolean headRequest, BodySink sink) {
    state = State.STATUS_LINE;
    lineLength = 0;
    status = 0;
    remaining = -1;
    chunked = false;
    close = false;
    noBody = headRequest;
    this.sink = sink;
  }

  int status() {
    return status;
  }

  /** Whether the server said it will close the connection after this response. */
  boolean connectionClose() {
    return close;
  }

  boolean done() {
    return state == State.DONE;
  }

  boolean failed() {
    return state == State.FAILED;
  }

  /** Whether the body runs until the connection closes (no length, not chunked). */
  boolean readsUntilClose() {
    return state == State.BODY_UNTIL_CLOSE;
  }

  /** The connection closed: completes a read-until-close body. */
  void onClose() {
    if (state == State.BODY_UNTIL_CLOSE) {
      state = State.DONE;
    }
  }

  /**
   * Consumes bytes from {@code in} until the response is complete or the bytes run out.
   * Leaves unconsumed bytes (a next response, which never comes without pipelining) in place.
   */
  void feed(ByteBuf in) {
    while (in.isReadable() && state != State.DONE && state != State.FAILED) {
      if (readsLines()) {
        int n = Math.min(in.readableBytes(), WINDOW);
        in.getBytes(in.readerIndex(), window, 0, n);
        in.skipBytes(lines(n));
        continue;
      }
      switch (state) {
        case BODY_LENGTH, CHUNK_DATA -> {
          int n = (int) Math.min(remaining, in.readableBytes());
          if (sink != null) {
            sink.append(in, in.readerIndex(), n);
          }
          in.skipBytes(n);
          remaining -= n;
          if (remaining == 0) {
            state = state == State.BODY_LENGTH ? State.DONE : State.CHUNK_DATA_END;
          }
        }
        case BODY_UNTIL_CLOSE -> {
          int n = in.readableBytes();
          if (sink != null) {
            sink.append(in, in.readerIndex(), n);
          }
          in.skipBytes(n);
        }
        default -> throw new IllegalStateException(state.name());
      }
    }
  }

  /** Whether the current state consumes CRLF-terminated lines (the rest consume body bytes). */
  private boolean readsLines() {
    return switch (state) {
      case STATUS_LINE, HEADERS, CHUNK_SIZE, CHUNK_DATA_END, TRAILERS -> true;
      default -> false;
    };
  }

  /**
   * Parses the lines in {@code window[0, n)} while the state reads lines; returns the bytes
   * consumed. A complete line is parsed where it lies in the window; only a line split across
   * reads is gathered in {@link #line} first. The window is one bulk copy per read: per-byte
   * reads of the buffer, or one copy and one search per line, would check the buffer's bounds
   * and reference count again and again.
   */
  private int lines(int n) {
    byte[] w = window;
    int pos = 0;
    while (pos < n && readsLines()) {
      int lf = indexOfLf(w, pos, n);
      int take = lf - pos; // a line's CR counts towards MAX_LINE, its LF does not
      if (lineLength + take > MAX_LINE) {
        state = State.FAILED;
        return pos;
      }
      if (lf == n) { // the line goes on in the next read
        System.arraycopy(w, pos, line, lineLength, take);
        lineLength += take;
        return n;
      }
      if (lineLength == 0) {
        onLine(w, pos, withoutCr(w, pos, take));
      } else {
        System.arraycopy(w, pos, line, lineLength, take);
        int length = lineLength + take;
        lineLength = 0;
        onLine(line, 0, withoutCr(line, 0, length));
      }
      pos = lf + 1;
    }
    return pos;
  }

  /** The index of the first LF in {@code a[from, to)}, or {@code to}; eight bytes per step. */
  private static int indexOfLf(byte[] a, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(a, i) ^ LF_EVERY_BYTE;
      // The lowest high bit set marks the first zero byte (bits above it may be false alarms).
      long zero = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
    }
    while (i < to && a[i] != '\n') {
      i++;
    }
    return i;
  }

  private static int withoutCr(byte[] a, int off, int length) {
    return length > 0 && a[off + length - 1] == '\r' ? length - 1 : length;
  }

  /** One line, without CRLF: {@code a[off, off + length)}. */
  private void onLine(byte[] a, int off, int length) {
    switch (state) {
      case STATUS_LINE -> parseStatusLine(a, off, length);
      case HEADERS -> {
        if (length == 0) {
          endOfHeaders();
        } else {
          parseHeader(a, off, length);
        }
      }
      case CHUNK_SIZE -> {
        long size = parseHex(a, off, length);
        if (size < 0) {
          state = State.FAILED;
        } else if (size == 0) {
          state = State.TRAILERS;
        } else {
          remaining = size;
          state = State.CHUNK_DATA;
        }
      }
      case CHUNK_DATA_END -> state = length == 0 ? State.CHUNK_SIZE : State.FAILED;
      case TRAILERS -> {
        if (length == 0) {
          state = State.DONE;
        }
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void parseStatusLine(byte[] a, int off, int length) {
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (length < 12 || a[off] != 'H' || a[off + 1] != 'T' || a[off + 2] != 'T' || a[off + 3] != 'P' || a[off + 8] != ' ') {
      state = State.FAILED;
      return;
    }
    int code = 0;
    for (int i = off + 9; i < off + 12; i++) {
      int d = a[i] - '0';
      if (d < 0 || d > 9) {
        state = State.FAILED;
        return;
      }
      code = code * 10 + d;
    }
    status = code;
    if (a[off + 7] == '0') {
      close = true; // HTTP/1.0 closes unless told otherwise
    }
    state = State.HEADERS;
  }

  private void parseHeader(byte[] a, int off, int length) {
    int end = off + length;
    int colon = -1;
    for (int i = off; i < end; i++) {
      if (a[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon <= off) {
      state = State.FAILED;
      return;
    }
    int valueStart = colon + 1;
    while (valueStart < end && (a[valueStart] == ' ' || a[valueStart] == '\t')) {
      valueStart++;
    }
    int valueEnd = end;
    while (valueEnd > valueStart && (a[valueEnd - 1] == ' ' || a[valueEnd - 1] == '\t')) {
      valueEnd--;
    }
    int nameLength = colon - off;
    if (nameIs(a, off, nameLength, "content-length")) {
      long v = 0;
      for (int i = valueStart; i < valueEnd; i++) {
        int d = a[i] - '0';
        if (d < 0 || d > 9) {
          state = State.FAILED;
          return;
        }
        v = v * 10 + d;
      }
      remaining = v;
    } else if (nameIs(a, off, nameLength, "transfer-encoding")) {
      chunked = containsIgnoringCase(a, valueStart, valueEnd, "chunked");
    } else if (nameIs(a, off, nameLength, "connection")) {
      if (containsIgnoringCase(a, valueStart, valueEnd, "close")) {
        close = true;
      } else if (containsIgnoringCase(a, valueStart, valueEnd, "keep-alive")) {
        close = false;
      }
    }
  }

  private void endOfHeaders() {
    if (status >= 100 && status < 200) {
      state = State.STATUS_LINE; // 1xx: a final response follows
      return;
    }
    if (noBody || status == 204 || status == 304) {
      state = State.DONE;
    } else if (chunked) {
      state = State.CHUNK_SIZE;
    } else if (remaining >= 0) {
      state = remaining == 0 ? State.DONE : State.BODY_LENGTH;
    } else {
      close = true;
      state = State.BODY_UNTIL_CLOSE;
    }
  }

  private static boolean nameIs(byte[] a, int off, int nameLength, String lowerName) {
    if (nameLength != lowerName.length()) {
      return false;
    }
    for (int i = 0; i < nameLength; i++) {
      if (lower(a[off + i]) != lowerName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code a[from, to)} contains {@code lowerWord}, ASCII letters compared without case. */
  private static boolean containsIgnoringCase(byte[] a, int from, int to, String lowerWord) {
    int n = lowerWord.length();
    for (int start = from; start <= to - n; start++) {
      int i = 0;
      while (i < n && lower(a[start + i]) == lowerWord.charAt(i)) {
        i++;
      }
      if (i == n) {
        return true;
      }
    }
    return false;
  }

  private static int lower(byte b) {
    return b >= 'A' && b <= 'Z' ? b + 32 : b;
  }

  private static long parseHex(byte[] a, int off, int length) {
    long v = 0;
    int digits = 0;
    for (int i = off; i < off + length; i++) {
      int c = a[i];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else if (c == ';' || c == ' ' || c == '\t') {
        break; // chunk extensions
      } else {
        return -1;
      }
      v = v * 16 + d;
      digits++;
    }
    return digits == 0 ? -1 : v;
  }
}
