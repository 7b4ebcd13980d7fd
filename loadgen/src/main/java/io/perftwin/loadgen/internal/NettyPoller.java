package io.perftwin.loadgen.internal;

import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.Future;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;

/**
 * A Netty epoll event loop (under Vert.x) as a {@link SocketPoller}: each socket registers as an
 * {@link EpollIoHandle}, which Netty 4.2 accepts besides its own channels. Used when the engine
 * runs on event loops it shares ({@code LoadEngines.vertxOn}); its own runs use {@link EpollLoop}.
 */
final class NettyPoller implements SocketPoller {
  private final NettyLoopThread thread;
  private final IoEventLoop loop;

  private NettyPoller(NettyLoopThread thread, IoEventLoop loop) {
    this.thread = thread;
    this.loop = loop;
  }

  /**
   * A poller on {@code thread}'s event loop, or null where sockets cannot be watched directly:
   * a loop that is not epoll's, or no {@code Unsafe} (every send and receive needs memory
   * addresses).
   */
  static NettyPoller of(NettyLoopThread thread) {
    if (thread.eventLoop() instanceof IoEventLoop loop && loop.isCompatible(EpollIoHandle.class)
        && PlatformDependent.hasUnsafe()) {
      return new NettyPoller(thread, loop);
    }
    return null;
  }

  @Override
  public Watch watch(FileDescriptor fd, int flags, Handler handler) throws IOException {
    EpollIoHandle handle = new EpollIoHandle() {
      @Override
      public FileDescriptor fd() {
        return fd;
      }

      @Override
      public void handle(IoRegistration registration, IoEvent event) {
        handler.ready(((EpollIoEvent) event).ops().value());
      }

      @Override
      public void close() {
        handler.pollerClosed();
      }
    };
    // On the loop's own thread the registration completes at once.
    Future<IoRegistration> registered = loop.register(handle);
    if (!registered.isSuccess()) {
      throw new IOException("cannot register with the event loop", registered.cause());
    }
    IoRegistration registration = registered.getNow();
    registration.submit(EpollIoOps.valueOf(flags));
    return new Watch() {
      @Override
      public void modify(int newFlags) {
        registration.submit(EpollIoOps.valueOf(newFlags));
      }

      @Override
      public void cancel() {
        registration.cancel();
      }
    };
  }

  @Override
  public LoopThread thread() {
    return thread;
  }
}
