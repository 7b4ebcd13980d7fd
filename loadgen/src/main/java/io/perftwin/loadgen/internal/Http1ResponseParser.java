package io.perftwin.loadgen.internal;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

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

  private final byte[] line = new byte[MAX_LINE];
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
      switch (state) {
        case STATUS_LINE, HEADERS, CHUNK_SIZE, CHUNK_DATA_END, TRAILERS -> {
          if (readLine(in)) {
            onLine();
          }
        }
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

  /**
   * Accumulates one line without CRLF; true when complete. Finds the line feed with one scan and
   * copies the bytes in one call: per-byte reads would check the buffer's bounds and reference
   * count for every byte of every response.
   */
  private boolean readLine(ByteBuf in) {
    int start = in.readerIndex();
    int end = in.writerIndex();
    int lf = in.indexOf(start, end, (byte) '\n');
    int take = (lf < 0 ? end : lf) - start;
    if (lineLength + take > MAX_LINE) {
      state = State.FAILED;
      return false;
    }
    in.getBytes(start, line, lineLength, take);
    lineLength += take;
    if (lf < 0) {
      in.readerIndex(end);
      return false;
    }
    in.readerIndex(lf + 1);
    if (lineLength > 0 && line[lineLength - 1] == '\r') {
      lineLength--;
    }
    return true;
  }

  private void onLine() {
    int length = lineLength;
    lineLength = 0;
    switch (state) {
      case STATUS_LINE -> parseStatusLine(length);
      case HEADERS -> {
        if (length == 0) {
          endOfHeaders();
        } else {
          parseHeader(length);
        }
      }
      case CHUNK_SIZE -> {
        long size = parseHex(length);
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

  private void parseStatusLine(int length) {
    // HTTP/1.x SP 3DIGIT [SP reason]
    if (length < 12 || line[0] != 'H' || line[1] != 'T' || line[2] != 'T' || line[3] != 'P' || line[8] != ' ') {
      state = State.FAILED;
      return;
    }
    int code = 0;
    for (int i = 9; i < 12; i++) {
      int d = line[i] - '0';
      if (d < 0 || d > 9) {
        state = State.FAILED;
        return;
      }
      code = code * 10 + d;
    }
    status = code;
    if (line[7] == '0') {
      close = true; // HTTP/1.0 closes unless told otherwise
    }
    state = State.HEADERS;
  }

  private void parseHeader(int length) {
    int colon = -1;
    for (int i = 0; i < length; i++) {
      if (line[i] == ':') {
        colon = i;
        break;
      }
    }
    if (colon <= 0) {
      state = State.FAILED;
      return;
    }
    int valueStart = colon + 1;
    while (valueStart < length && (line[valueStart] == ' ' || line[valueStart] == '\t')) {
      valueStart++;
    }
    int valueEnd = length;
    while (valueEnd > valueStart && (line[valueEnd - 1] == ' ' || line[valueEnd - 1] == '\t')) {
      valueEnd--;
    }
    if (nameIs("content-length", colon)) {
      long v = 0;
      for (int i = valueStart; i < valueEnd; i++) {
        int d = line[i] - '0';
        if (d < 0 || d > 9) {
          state = State.FAILED;
          return;
        }
        v = v * 10 + d;
      }
      remaining = v;
    } else if (nameIs("transfer-encoding", colon)) {
      chunked = valueContains("chunked", valueStart, valueEnd);
    } else if (nameIs("connection", colon)) {
      if (valueContains("close", valueStart, valueEnd)) {
        close = true;
      } else if (valueContains("keep-alive", valueStart, valueEnd)) {
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

  private boolean nameIs(String lowerName, int nameLength) {
    if (nameLength != lowerName.length()) {
      return false;
    }
    for (int i = 0; i < nameLength; i++) {
      int c = line[i];
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != lowerName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean valueContains(String lowerWord, int from, int to) {
    String value = new String(line, from, to - from, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
    return value.contains(lowerWord);
  }

  private long parseHex(int length) {
    long v = 0;
    int digits = 0;
    for (int i = 0; i < length; i++) {
      int c = line[i];
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
