package io.perftwin.loadgen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Http1ResponseParserTest {

  /** Feeds the response split at every possible point, twice over, and checks the outcome each time. */
  private static void assertParsesAtEverySplit(String response, int status, String body, boolean close, int leftover) {
    byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
    for (int split = 0; split <= bytes.length; split++) {
      Http1ResponseParser p = new Http1ResponseParser();
      StringBuilder got = new StringBuilder();
      p.reset(false, (buf, index, length) -> got.append(buf.toString(index, length, StandardCharsets.ISO_8859_1)));
      ByteBuf first = Unpooled.wrappedBuffer(bytes, 0, split);
      ByteBuf second = Unpooled.wrappedBuffer(bytes, split, bytes.length - split);
      p.feed(first);
      if (!p.done()) {
        p.feed(second);
      }
      if (p.readsUntilClose()) {
        p.onClose();
      }
      assertTrue(p.done(), "done at split " + split);
      assertEquals(status, p.status(), "status at split " + split);
      assertEquals(body, got.toString(), "body at split " + split);
      assertEquals(close, p.connectionClose(), "close at split " + split);
      assertEquals(leftover, first.readableBytes() + second.readableBytes(), "unconsumed at split " + split);
    }
  }

  @Test
  void contentLength() {
    assertParsesAtEverySplit("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello", 200, "hello", false, 0);
  }

  @Test
  void headerNamesAreCaseInsensitiveAndValuesTrimmed() {
    assertParsesAtEverySplit("HTTP/1.1 404 Not Found\r\ncontent-LENGTH:  3 \r\nCONNECTION: Close\r\n\r\nabc", 404, "abc", true, 0);
  }

  @Test
  void chunkedWithExtensionsAndTrailers() {
    assertParsesAtEverySplit(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n",
        200, "hello0123456789", false, 0);
  }

  @Test
  void emptyBodiesAndInformationalResponses() {
    assertParsesAtEverySplit("HTTP/1.1 204 No Content\r\n\r\n", 204, "", false, 0);
    assertParsesAtEverySplit("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", 201, "", false, 0);
  }

  @Test
  void bodyUntilCloseAndHttp10() {
    assertParsesAtEverySplit("HTTP/1.0 200 OK\r\n\r\nall of it", 200, "all of it", true, 0);
    assertParsesAtEverySplit("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", 200, "ok", false, 0);
  }

  @Test
  void bytesAfterTheResponseAreLeftAlone() {
    assertParsesAtEverySplit("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA", 200, "ok", false, 5);
  }

  @Test
  void valuesMatchWithoutCase() {
    assertParsesAtEverySplit("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", 200, "ok", false, 0);
    assertParsesAtEverySplit("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok", 200, "ok", false, 0);
  }

  @Test
  void aHeadLongerThanTheCopyWindowParsesSplitAnywhereAndByteByByte() {
    // The parser copies up to 512 bytes at a time: lines cross that window as well as reads.
    StringBuilder head = new StringBuilder("HTTP/1.1 201 Created\r\n");
    for (int i = 0; head.length() < 1500; i++) {
      head.append("X-Header-").append(i).append(": ").append("v".repeat(i % 37)).append("\r\n");
    }
    String response = head + "content-length: 4\r\nConnection: close\r\n\r\nbody";
    assertParsesAtEverySplit(response, 201, "body", true, 0);

    Http1ResponseParser p = new Http1ResponseParser();
    StringBuilder got = new StringBuilder();
    p.reset(false, (buf, index, length) -> got.append(buf.toString(index, length, StandardCharsets.US_ASCII)));
    byte[] bytes = response.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < bytes.length; i++) {
      ByteBuf one = Unpooled.wrappedBuffer(bytes, i, 1);
      p.feed(one);
      assertEquals(0, one.readableBytes(), "byte " + i + " consumed");
      assertEquals(i == bytes.length - 1, p.done(), "done only after the last byte, at byte " + i);
    }
    assertEquals(201, p.status());
    assertEquals("body", got.toString());
    assertTrue(p.connectionClose());
  }

  @Test
  void headResponseHasNoBodyDespiteContentLength() {
    Http1ResponseParser p = new Http1ResponseParser();
    p.reset(true, null);
    p.feed(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", StandardCharsets.US_ASCII));
    assertTrue(p.done());
  }

  @Test
  void garbageFails() {
    for (String bad : new String[] {"FTP/1.1 200 OK\r\n", "HTTP/1.1 2x0 OK\r\n", "HTTP/1.1 200 OK\r\nNoColon\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1a\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"}) {
      Http1ResponseParser p = new Http1ResponseParser();
      p.reset(false, null);
      p.feed(Unpooled.copiedBuffer(bad, StandardCharsets.US_ASCII));
      assertTrue(p.failed(), bad);
      assertFalse(p.done(), bad);
    }
  }

  @Test
  void parserIsReusableAfterReset() {
    Http1ResponseParser p = new Http1ResponseParser();
    for (int i = 0; i < 3; i++) {
      p.reset(false, null);
      p.feed(Unpooled.copiedBuffer("HTTP/1.1 500 Oops\r\nContent-Length: 1\r\n\r\nx", StandardCharsets.US_ASCII));
      assertTrue(p.done());
      assertEquals(500, p.status());
    }
  }

  @Test
  void aHeaderLineUpToTheLimitParsesAndOneByteMoreFails() {
    // 16 KiB per line, CR included: the limit holds however the line is split across reads.
    String atLimit = "X-Big: " + "a".repeat(16 * 1024 - "X-Big: ".length() - 1);
    assertParsesAtEverySplit("HTTP/1.1 200 OK\r\n" + atLimit + "\r\nContent-Length: 2\r\n\r\nok", 200, "ok", false, 0);
    byte[] over = ("HTTP/1.1 200 OK\r\n" + atLimit + "a\r\nContent-Length: 2\r\n\r\nok").getBytes(StandardCharsets.ISO_8859_1);
    for (int split : new int[] {0, 17, 9000, over.length - 3}) {
      Http1ResponseParser p = new Http1ResponseParser();
      p.reset(false, null);
      p.feed(Unpooled.wrappedBuffer(over, 0, split));
      if (!p.failed()) {
        p.feed(Unpooled.wrappedBuffer(over, split, over.length - split));
      }
      assertTrue(p.failed(), "a 16 KiB + 1 line fails, split at " + split);
    }
  }
}
