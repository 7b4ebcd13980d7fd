package io.perftwin.loadgen.internal;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventArray;
import io.netty.channel.epoll.Native;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

/**
 * One epoll set and its ready-event array, through Netty's native epoll library (the one Netty's
 * own epoll transport loads). Netty exposes {@code epoll_ctl} publicly, but not the event array
 * or its nanosecond wait ({@code epoll_pwait2}); those are reached once, by reflection, here and
 * nowhere else. {@link #unavailable()} says why this cannot work on this JVM (no native library,
 * a Netty without those members); the engine then runs on Vert.x's event loops instead
 * (docs/decisions.md).
 */
final class EpollSet implements AutoCloseable {
  static final int IN = Native.EPOLLIN;
  static final int OUT = Native.EPOLLOUT;
  static final int RDHUP = Native.EPOLLRDHUP;
  static final int ERR = Native.EPOLLERR;
  /** EPOLLHUP, 0x010 in the Linux ABI; Netty has no constant for it. */
  static final int HUP = 0x010;
  static final int ET = Native.EPOLLET;

  private static final MethodHandle WAIT;
  private static final Constructor<EpollEventArray> ARRAY;
  private static final Method ARRAY_ADDRESS;
  private static final Method ARRAY_FREE;
  private static final int EVENT_SIZE;
  private static final int DATA_OFFSET;
  private static final String UNAVAILABLE;
  /** Ready events taken per wait at most. */
  private static final int EVENTS = 256;
  /**
   * Timeouts of this many milliseconds or more go to {@code epoll_wait}'s millisecond timeout;
   * shorter ones to {@code epoll_pwait2} (or a timerfd where the kernel lacks it). Netty's own
   * default.
   */
  private static final long MILLIS_THRESHOLD = 10;

  static {
    MethodHandle wait = null;
    Constructor<EpollEventArray> array = null;
    Method address = null;
    Method free = null;
    int size = 0;
    int offset = 0;
    String why = null;
    try {
      Epoll.ensureAvailability();
      Method m = Native.class.getDeclaredMethod("epollWait", FileDescriptor.class, EpollEventArray.class,
          FileDescriptor.class, int.class, int.class, long.class);
      m.setAccessible(true);
      wait = MethodHandles.lookup().unreflect(m);
      array = EpollEventArray.class.getDeclaredConstructor(int.class);
      array.setAccessible(true);
      address = EpollEventArray.class.getDeclaredMethod("memoryAddress");
      address.setAccessible(true);
      free = EpollEventArray.class.getDeclaredMethod("free");
      free.setAccessible(true);
      size = Native.sizeofEpollEvent();
      offset = Native.offsetofEpollData();
      if (!PlatformDependent.hasUnsafe()) {
        why = "no sun.misc.Unsafe to read the ready events";
      }
    } catch (Throwable t) {
      why = t.toString();
    }
    WAIT = wait;
    ARRAY = array;
    ARRAY_ADDRESS = address;
    ARRAY_FREE = free;
    EVENT_SIZE = size;
    DATA_OFFSET = offset;
    UNAVAILABLE = why;
  }

  private final FileDescriptor epoll;
  private final FileDescriptor timer;
  private final EpollEventArray events;
  private final long eventsAddress;

  /** Why epoll sets cannot be used here, or null when they can. */
  static String unavailable() {
    return UNAVAILABLE;
  }

  /** @throws IllegalStateException when {@link #unavailable()} */
  EpollSet() {
    if (UNAVAILABLE != null) {
      throw new IllegalStateException("native epoll unavailable: " + UNAVAILABLE);
    }
    epoll = Native.newEpollCreate();
    timer = Native.newTimerFd();
    try {
      events = ARRAY.newInstance(EVENTS);
      eventsAddress = (long) ARRAY_ADDRESS.invoke(events);
    } catch (ReflectiveOperationException e) {
      closeQuietly(epoll);
      closeQuietly(timer);
      throw new IllegalStateException("native epoll unavailable", e);
    }
  }

  void add(int fd, int flags) throws IOException {
    Native.epollCtlAdd(epoll.intValue(), fd, flags);
  }

  void modify(int fd, int flags) throws IOException {
    Native.epollCtlMod(epoll.intValue(), fd, flags);
  }

  void remove(int fd) throws IOException {
    Native.epollCtlDel(epoll.intValue(), fd);
  }

  /**
   * Waits for ready file descriptors.
   *
   * @param timeoutNanos how long at most: 0 returns at once, a negative value waits with no timeout
   * @return how many are ready; read them with {@link #fd} and {@link #events}
   */
  int await(long timeoutNanos) throws IOException {
    int seconds;
    int nanos;
    if (timeoutNanos < 0) {
      seconds = -1;
      nanos = -1;
    } else {
      seconds = (int) Math.min(Integer.MAX_VALUE, timeoutNanos / 1_000_000_000L);
      nanos = (int) (timeoutNanos % 1_000_000_000L);
    }
    long result;
    try {
      result = (long) WAIT.invokeExact(epoll, events, timer, seconds, nanos, MILLIS_THRESHOLD);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    return (int) (result >>> 32);
  }

  /** The file descriptor of ready event {@code i}. */
  int fd(int i) {
    return PlatformDependent.getInt(eventsAddress + (long) i * EVENT_SIZE + DATA_OFFSET);
  }

  /** The ready flags of event {@code i}. */
  int events(int i) {
    return PlatformDependent.getInt(eventsAddress + (long) i * EVENT_SIZE);
  }

  @Override
  public void close() {
    closeQuietly(epoll);
    closeQuietly(timer);
    try {
      ARRAY_FREE.invoke(events);
    } catch (ReflectiveOperationException e) {
      // the array's memory goes with the process
    }
  }

  private static void closeQuietly(FileDescriptor fd) {
    try {
      fd.close();
    } catch (IOException ignored) {
      // closing: nothing to do about it
    }
  }
}
