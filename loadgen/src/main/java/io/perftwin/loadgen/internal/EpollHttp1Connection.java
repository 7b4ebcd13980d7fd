package io.perftwin.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * An {@link Http1Connection} on a non-blocking socket watched by a {@link SocketPoller} (the
 * engine's own {@link EpollLoop}, or a Netty epoll loop it shares), without a channel: a request
 * is one {@code send} from its encoded bytes, a response is read with {@code recv} into the
 * loop's one receive buffer and parsed in place.
 * Edge-triggered, like Netty's own epoll channels.
 *
 * <p>A send the kernel takes only in part (a full socket buffer: large bodies, a slow reader)
 * keeps the rest and waits for {@code EPOLLOUT}.
 */
final class EpollHttp1Connection extends Http1Connection implements SocketPoller.Handler {
  private static final int READ = EpollSet.IN | EpollSet.RDHUP | EpollSet.ET;
  private static final int READ_WRITE = READ | EpollSet.OUT;
  /** The peer closed or reset. */
  private static final int HANGUP = EpollSet.RDHUP | EpollSet.ERR | EpollSet.HUP;
  /** The receive buffer of a loop's connections, shared by them. */
  private static final int RECEIVE_BUFFER = 64 * 1024;

  private final SocketPoller poller;
  private final Socket socket;
  private final ByteBuf in;
  /** The socket's watch; null until watched and after it is cancelled. */
  private SocketPoller.Watch watch;
  /** Armed while connecting; cancelled when the connect ends either way, so it holds nothing after. */
  private LoopThread.Rearmable connectTimeout;
  private boolean connecting;
  private boolean connected;
  private boolean closed;
  /** The unsent rest of a request the kernel took only in part; null when all was sent. */
  private ByteBuf unsent;

  private EpollHttp1Connection(Http1Transport transport, SocketPoller poller, Socket socket, ByteBuf in) {
    super(transport);
    this.poller = poller;
    this.socket = socket;
    this.in = in;
  }

  /**
   * Opens connections to {@code address} on {@code poller}. The connector holds the loop's receive
   * buffer, shared by its connections (one reads at a time), and frees it on
   * {@link Http1Transport.Connector#close}.
   */
  static Http1Transport.Connector connector(SocketPoller poller, InetSocketAddress address) {
    // Unpooled: one buffer per loop gains nothing from a pool, and a plain direct buffer is
    // cheaper per access than a pooled one's view of its chunk (about 1 % of the CPU per
    // request at 90,000/s, docs/benchmarks.md). Pollers need Unsafe, so it has an address.
    ByteBuf in = Unpooled.directBuffer(RECEIVE_BUFFER, RECEIVE_BUFFER);
    return new Http1Transport.Connector() {
      @Override
      public void open(Http1Transport transport) {
        Socket socket;
        try {
          socket = Socket.newSocketStream();
          socket.setTcpNoDelay(true);
        } catch (RuntimeException | IOException e) {
          transport.connectFailed(e);
          return;
        }
        new EpollHttp1Connection(transport, poller, socket, in).connect(address, transport.connectTimeoutNanos());
      }

      @Override
      public void close() {
        in.release();
      }
    };
  }

  private void connect(InetSocketAddress address, long timeoutNanos) {
    try {
      watch = poller.watch(socket, READ_WRITE, this);
      if (socket.connect(address)) {
        established();
        return;
      }
      connecting = true;
      connectTimeout = poller.thread().timer(() -> {
        if (connecting) {
          failConnect(new ConnectTimeoutException("connection timed out after "
              + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms: " + address));
        }
      });
      connectTimeout.arm(timeoutNanos);
    } catch (IOException | RuntimeException e) {
      failConnect(e);
    }
  }

  private void established() throws IOException {
    connecting = false;
    connected = true;
    if (connectTimeout != null) {
      connectTimeout.cancel();
    }
    watch.modify(READ);
    transport.connected(this);
  }

  private void failConnect(Throwable cause) {
    connecting = false;
    if (connectTimeout != null) {
      connectTimeout.cancel();
    }
    closed = true;
    closeSocket();
    transport.connectFailed(cause);
  }

  @Override
  public void ready(int ops) {
    if (closed) {
      return;
    }
    if (connecting) {
      try {
        if (socket.finishConnect()) {
          established();
        }
      } catch (IOException | RuntimeException e) {
        failConnect(e);
      }
      return;
    }
    if ((ops & EpollSet.OUT) != 0 && unsent != null && !flushUnsent()) {
      return;
    }
    if ((ops & ~EpollSet.OUT) != 0) {
      read((ops & HANGUP) != 0);
    }
  }
  /**
   * Reads until the socket is drained. Edge-triggered: a read shorter than the buffer drained
   * it, unless the peer also hung up; the end of stream or the reset then arrived with this same
   * edge and must be read now, or it would never be seen.
   */
  private void read(boolean hangup) {
    int capacity = in.capacity();
    long address = in.memoryAddress();
    for (;;) {
      int n;
      try {
        n = socket.recvAddress(address, 0, capacity);
      } catch (IOException e) {
        fail(e);
        return;
      }
      if (n == 0) {
        return; // EAGAIN
      }
      if (n < 0) {
        disconnect(); // end of stream: the transport completes a read-until-close body or fails the request
        return;
      }
      in.setIndex(0, n);
      if (!received(in) || closed || (n < capacity && !hangup)) {
        return;
      }
    }
  }

  /** The bytes have a memory address: constants are direct, rendered ones come from {@code ioBuffer} ({@link #connector}). */
  @Override
  void write(RequestRenderer request) {
    ByteBuf constant = request.constantBytes();
    ByteBuf bytes = constant != null ? constant : request.next(ByteBufAllocator.DEFAULT);
    int from = bytes.readerIndex();
    int to = bytes.writerIndex();
    try {
      int written = socket.sendAddress(bytes.memoryAddress(), from, to);
      if (from + written < to) {
        unsent = bytes.retainedSlice(from + written, to - from - written);
        watch.modify(READ_WRITE);
      }
    } catch (IOException e) {
      fail(e);
    } finally {
      if (constant == null) {
        bytes.release();
      }
    }
  }

  /** Sends what is left of a partial write; false when the connection failed on the way. */
  private boolean flushUnsent() {
    try {
      int written = socket.sendAddress(unsent.memoryAddress(), unsent.readerIndex(), unsent.writerIndex());
      unsent.skipBytes(written);
      if (!unsent.isReadable()) {
        unsent.release();
        unsent = null;
        watch.modify(READ);
      }
      return true;
    } catch (IOException e) {
      fail(e);
      return false;
    }
  }

  private void fail(IOException cause) {
    transport.connectionError(this, cause);
    disconnect();
  }

  @Override
  void disconnect() {
    if (closed) {
      return;
    }
    if (connecting) {
      failConnect(new IOException("closed while connecting"));
      return;
    }
    closed = true;
    if (unsent != null) {
      unsent.release();
      unsent = null;
    }
    closeSocket();
    if (connected) {
      transport.connectionClosed(this);
    }
  }

  @Override
  public void pollerClosed() {
    disconnect();
  }

  /** Stops watching the socket and closes it. */
  private void closeSocket() {
    if (watch != null) {
      watch.cancel();
      watch = null;
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
