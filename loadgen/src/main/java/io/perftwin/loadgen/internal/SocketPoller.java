package io.perftwin.loadgen.internal;

import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;

/**
 * Where an {@link EpollHttp1Connection}'s socket is watched for readiness: the engine's own
 * {@link EpollLoop}, or a Netty epoll event loop under Vert.x ({@link NettyPoller}, for runs on
 * shared loops). Every method runs on the poller's thread.
 */
interface SocketPoller {
  /** A watched descriptor's owner. */
  interface Handler {
    /** @param events the ready flags ({@link EpollSet#IN}, {@link EpollSet#OUT}, …) */
    void ready(int events);

    /** The poller shuts down with the descriptor still watched. */
    default void pollerClosed() {}
  }

  /** One watched descriptor. */
  interface Watch {
    /** Watches for {@code flags} from now on. */
    void modify(int flags) throws IOException;

    /** Stops watching; call before closing the descriptor. */
    void cancel();
  }

  /** Starts watching {@code fd} for {@code flags} (edge-triggered if they say so). */
  Watch watch(FileDescriptor fd, int flags, Handler handler) throws IOException;

  /** The thread the poller runs on, with its timers. */
  LoopThread thread();
}
