package io.perftwin.infra.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * {@code HttpProbe URL TIMEOUT_MS}: asks {@code URL} with GET until it answers 2xx (exit 0) or
 * the time is up (exit 1). {@link LocalCluster#awaitHttp} runs it inside a node's namespace, where
 * the runner's own JVM cannot open a socket.
 */
public final class HttpProbe {
  private HttpProbe() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: HttpProbe URL TIMEOUT_MS");
      System.exit(2);
    }
    URI uri = URI.create(args[0]);
    long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000L;
    String last = "no answer";
    while (true) {
      try {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
          if (in != null) {
            in.readAllBytes();
          }
        }
        if (status / 100 == 2) {
          System.out.println(uri + " answered " + status);
          System.exit(0);
        }
        last = "status " + status;
      } catch (IOException e) {
        last = e.toString();
      }
      if (System.nanoTime() > deadline) {
        System.err.println(uri + " did not answer 2xx in time; last: " + last);
        System.exit(1);
      }
      Thread.sleep(100);
    }
  }
}
