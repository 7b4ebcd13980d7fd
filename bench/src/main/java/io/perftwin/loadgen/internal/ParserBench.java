package io.perftwin.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Nanoseconds the engine's HTTP/1.1 response parser spends per response, fed the way the epoll
 * connection feeds it: the whole response in the loop's direct receive buffer. It sits in the
 * parser's package because the parser is package-private; it measures nothing else.
 *
 * <pre>java -cp … io.perftwin.loadgen.internal.ParserBench [ROUNDS] [RESPONSES_PER_ROUND]</pre>
 *
 * <p>Two responses: the demo service's (98 bytes, the engine-vs-wrk target) and a larger head
 * of the kind web servers send (Date, Server, Connection: keep-alive). Prints the median and
 * the best round of each, after two unmeasured rounds.
 */
public final class ParserBench {
  private ParserBench() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
    String demo = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 27\r\n\r\n"
        + "{\"ok\":true,\"method\":\"GET\"}\n";
    String server = "HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\nDate: Sun, 22 Nov 2026 14:00:00 GMT\r\n"
        + "Content-Type: text/html; charset=utf-8\r\nContent-Length: 12\r\nConnection: keep-alive\r\n"
        + "Vary: Accept-Encoding\r\nCache-Control: no-cache\r\n\r\nhello, world";
    long sink = measure("demo-service", demo, rounds, perRound) + measure("server-like", server, rounds, perRound);
    if (sink == 42) {
      System.out.println(); // keeps the results alive
    }
  }

  private static long measure(String label, String response, int rounds, int perRound) {
    byte[] bytes = response.getBytes(StandardCharsets.US_ASCII);
    ByteBuf in = Unpooled.directBuffer(64 * 1024, 64 * 1024);
    in.writeBytes(bytes);
    Http1ResponseParser parser = new Http1ResponseParser();
    double[] nanos = new double[rounds];
    long sink = 0;
    for (int r = -2; r < rounds; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        in.setIndex(0, bytes.length);
        parser.reset(false, null);
        parser.feed(in);
        if (!parser.done()) {
          throw new IllegalStateException("response not parsed: " + label);
        }
        sink += parser.status();
      }
      if (r >= 0) {
        nanos[r] = (System.nanoTime() - start) / (double) perRound;
      }
    }
    in.release();
    Arrays.sort(nanos);
    System.out.println(String.format(Locale.ROOT,
        "{\"bench\":\"parser\",\"response\":\"%s\",\"bytes\":%d,\"medianNsPerResponse\":%.1f,\"bestNsPerResponse\":%.1f}",
        label, bytes.length, nanos[rounds / 2], nanos[0]));
    return sink;
  }
}
