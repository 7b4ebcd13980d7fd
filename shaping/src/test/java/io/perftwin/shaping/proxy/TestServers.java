package io.perftwin.shaping.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Small blocking TCP servers on loopback for the proxy tests; a thread per connection. */
final class TestServers {
  private TestServers() {}

  /** A server that runs {@code session} on each accepted socket, then closes it. */
  static final class Server implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    Server(Consumer<Socket> session) throws IOException {
      listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
      acceptor = new Thread(() -> {
        while (!listener.isClosed()) {
          try {
            Socket s = listener.accept();
            s.setTcpNoDelay(true);
            sockets.add(s);
            Thread t = new Thread(() -> {
              try (s) {
                session.accept(s);
              } catch (IOException ignored) {
                // peer went away
              }
            }, "test-session");
            t.setDaemon(true);
            t.start();
          } catch (IOException e) {
            return;
          }
        }
      }, "test-acceptor");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    String address() {
      return "127.0.0.1:" + port();
    }

    @Override
    public void close() throws IOException {
      listener.close();
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  /** Echoes every byte back. */
  static Server echo() throws IOException {
    return new Server(s -> {
      try {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        byte[] buffer = new byte[16384];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // closed
      }
    });
  }

  /** Sends {@code payload} in one write on connect, then closes. */
  static Server sending(byte[] payload) throws IOException {
    return new Server(s -> {
      try {
        s.getOutputStream().write(payload);
        s.getOutputStream().flush();
      } catch (IOException ignored) {
        // closed
      }
    });
  }

  static Socket connect(int port) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setTcpNoDelay(true);
    s.setSoTimeout(5_000);
    return s;
  }

  /** One write of {@code size} bytes and a read of as many back; returns the round-trip nanos. */
  static long roundTrip(Socket s, byte[] message) throws IOException {
    long start = System.nanoTime();
    s.getOutputStream().write(message);
    s.getOutputStream().flush();
    readFully(s.getInputStream(), message.length);
    return System.nanoTime() - start;
  }

  static byte[] readFully(InputStream in, int size) throws IOException {
    byte[] data = new byte[size];
    int read = 0;
    while (read < size) {
      int n = in.read(data, read, size - read);
      if (n < 0) {
        throw new IOException("EOF after " + read + " of " + size + " bytes");
      }
      read += n;
    }
    return data;
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
