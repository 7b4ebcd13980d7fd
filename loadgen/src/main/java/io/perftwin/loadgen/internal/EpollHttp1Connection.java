package io.perftwin.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * An {@link Http1Connection} on a non-blocking socket registered straight with the epoll event
 * loop (Netty's {@link EpollIoHandle}), without a channel: a request is one {@code send} from
 * its encoded bytes, a response is read with {@code recv} into the loop's one receive buffer and
 * parsed in place. This skips the channel pipeline, the outbound buffer, write promises and a
 * pooled buffer per read: 0.35 µs of CPU per request at 80,000/s (docs/benchmarks.md).
 * Edge-triggered, like Netty's own epoll channels.
 *
 * <p>A send the kernel takes only in part (a full socket buffer: large bodies, a slow reader)
 * keeps the rest and waits for {@code EPOLLOUT}.
 */
final class EpollHttp1Connection extends Http1Connection implements EpollIoHandle {
  private static final EpollIoOps READ = EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLRDHUP).with(EpollIoOps.EPOLLET);
  private static final EpollIoOps READ_WRITE = READ.with(EpollIoOps.EPOLLOUT);
  private static final int OUT = EpollIoOps.EPOLLOUT.value();
  /** The peer closed or reset: EPOLLRDHUP, EPOLLERR, or EPOLLHUP (0x010 in the Linux ABI; Netty has no constant for it). */
  private static final int HANGUP = EpollIoOps.EPOLLRDHUP.value() | EpollIoOps.EPOLLERR.value() | 0x010;
  /** The receive buffer of a loop's connections, shared by them. */
  private static final int RECEIVE_BUFFER = 64 * 1024;

  private final Socket socket;
  private final ByteBuf in;
  private IoRegistration registration;
  private ScheduledFuture<?> connectTimeout;
  private boolean connecting;
  private boolean connected;
  private boolean closed;
  /** The unsent rest of a request the kernel took only in part; null when all was sent. */
  private ByteBuf unsent;

  private EpollHttp1Connection(Http1Transport transport, Socket socket, ByteBuf in) {
    super(transport);
    this.socket = socket;
    this.in = in;
  }

  /**
   * Opens these connections on {@code eventLoop}; null where they cannot work: a loop that is
   * not epoll's, or direct buffers without a memory address (no {@code Unsafe}), which every
   * send and receive here needs. The connector holds the loop's receive buffer, shared by its
   * connections (one reads at a time), and frees it on {@link Http1Transport.Connector#close}.
   */
  static Http1Transport.Connector connector(EventLoop eventLoop, InetSocketAddress address) {
    if (!(eventLoop instanceof IoEventLoop loop && loop.isCompatible(EpollIoHandle.class))) {
      return null;
    }
    // Unpooled: one buffer per loop gains nothing from a pool, and a plain direct buffer is
    // cheaper per access than a pooled one's view of its chunk (about 1 % of the CPU per
    // request at 90,000/s, docs/benchmarks.md).
    ByteBuf in = Unpooled.directBuffer(RECEIVE_BUFFER, RECEIVE_BUFFER);
    if (!in.hasMemoryAddress()) {
      in.release();
      return null;
    }
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
        EpollHttp1Connection c = new EpollHttp1Connection(transport, socket, in);
        loop.register(c).addListener(f -> {
          if (!f.isSuccess()) {
            c.closeSocket();
            transport.connectFailed(f.cause());
            return;
          }
          c.registration = (IoRegistration) f.getNow();
          c.connect(loop, address, transport.connectTimeoutNanos());
        });
      }

      @Override
      public void close() {
        in.release();
      }
    };
  }

  private void connect(IoEventLoop eventLoop, InetSocketAddress address, long timeoutNanos) {
    try {
      if (socket.connect(address)) {
        established();
        return;
      }
      connecting = true;
      registration.submit(READ_WRITE);
      connectTimeout = eventLoop.schedule(() -> {
        if (connecting) {
          failConnect(new ConnectTimeoutException("connection timed out after "
              + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms: " + address));
        }
      }, timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (IOException | RuntimeException e) {
      failConnect(e);
    }
  }

  private void established() {
    connecting = false;
    connected = true;
    if (connectTimeout != null) {
      connectTimeout.cancel(false);
    }
    registration.submit(READ);
    transport.connected(this);
  }

  private void failConnect(Throwable cause) {
    connecting = false;
    if (connectTimeout != null) {
      connectTimeout.cancel(false);
    }
    closed = true;
    registration.cancel();
    closeSocket();
    transport.connectFailed(cause);
  }

  @Override
  public FileDescriptor fd() {
    return socket;
  }

  @Override
  public void handle(IoRegistration r, IoEvent event) {
    if (closed) {
      return;
    }
    int ops = ((EpollIoEvent) event).ops().value();
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
    if ((ops & OUT) != 0 && unsent != null && !flushUnsent()) {
      return;
    }
    if ((ops & ~OUT) != 0) {
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
        registration.submit(READ_WRITE);
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
        registration.submit(READ);
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
    if (registration != null) {
      registration.cancel();
    }
    closeSocket();
    if (connected) {
      transport.connectionClosed(this);
    }
  }

  /** Called by the event loop when it shuts down with this connection still registered. */
  @Override
  public void close() throws Exception {
    disconnect();
  }

  private void closeSocket() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
