package io.perftwin.loadgen.internal;

import io.netty.channel.epoll.Native;
import io.netty.channel.unix.FileDescriptor;
import io.perftwin.loadgen.NanoClock;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's own event loop: one thread, one {@link EpollSet}, a timer heap and a task queue,
 * and nothing else. Each turn reads the clock once, runs the timers due by then, and waits in
 * {@code epoll_pwait2} until the next timer or a ready socket, then hands each ready file
 * descriptor to its {@link Handler}. Other threads hand it work with {@link #execute}, which
 * wakes it through an eventfd.
 *
 * <p>While its transport is busy ({@link #parkWhileBusy}: every connection in use and requests
 * waiting), the loop waits with no timeout: nothing it could do on a timer would send anything
 * sooner, and a wait with a timeout costs the kernel a timer per wait, about 10 % of the CPU per
 * request at wrk's rate (docs/benchmarks.md, session 9). Its timers then run at the next I/O
 * event, or when a watchdog thread, which looks every {@value #PARK_CHECK_MICROS} µs, finds on two
 * looks in a row that the loop has not turned and wakes it: a stalled target cannot hold timers
 * (timeouts, the tick that hands arrivals to the queue) back longer than about two such periods.
 *
 * <p>Why not Netty's or Vert.x's loop: per turn they read a task queue and a scheduled-task queue
 * with the clock, flip atomic wake-up flags, look up the handle's registration and enter a
 * Vert.x context. Without them the engine used a fifth less user CPU per request at 80,000/s
 * (docs/benchmarks.md, session 9). This loop keeps only what the engine uses.
 */
final class EpollLoop implements LoopThread, SocketPoller {
  /** A timer that can be armed again and again without allocating. */
  static final class Timer implements LoopThread.Rearmable {
    private final EpollLoop loop;
    private final Runnable task;
    private long deadline;
    /** The turn in which it was armed: a timer armed while timers run waits for the next turn. */
    private long armedTurn;
    private int index = -1;

    private Timer(EpollLoop loop, Runnable task) {
      this.loop = loop;
      this.task = task;
    }

    @Override
    public void arm(long delayNanos) {
      loop.arm(this, loop.clock.nanoTime() + Math.max(0, delayNanos));
    }

    @Override
    public void cancel() {
      loop.cancel(this);
    }
  }

  /** How often the watchdog looks at a parked loop, microseconds. */
  static final long PARK_CHECK_MICROS = 500;
  private static final VarHandle PARKED;
  private static final VarHandle TURN;

  static {
    try {
      PARKED = MethodHandles.lookup().findVarHandle(EpollLoop.class, "parked", boolean.class);
      TURN = MethodHandles.lookup().findVarHandle(EpollLoop.class, "turn", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private final NanoClock clock;
  private final EpollSet epoll;
  private final FileDescriptor wakeup;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private Handler[] handlers = new Handler[1024];
  private Timer[] heap = new Timer[64];
  private int timers;
  /** Turns so far; the watchdog reads it (opaque) to see whether the loop moved. */
  private long turn;
  /** Whether waits have no timeout now (opaque: the watchdog reads it). */
  private boolean parked;
  private Thread watchdog;
  private volatile boolean running = true;
  private Throwable firstFailure;

  /** Starts the loop's thread. */
  EpollLoop(String name, NanoClock clock) throws IOException {
    this.name = name;
    this.clock = clock;
    epoll = new EpollSet();
    FileDescriptor eventFd = null;
    try {
      eventFd = Native.newEventFd();
      epoll.add(eventFd.intValue(), EpollSet.IN);
    } catch (IOException | RuntimeException e) {
      epoll.close();
      if (eventFd != null) {
        eventFd.close();
      }
      throw e;
    }
    wakeup = eventFd;
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs {@code task} on the loop's thread, soon. Safe from any thread.
   *
   * @throws IllegalStateException once the loop has stopped (its eventfd is closed)
   */
  @Override
  public void execute(Runnable task) {
    if (!running) {
      throw new IllegalStateException("event loop " + name + " has stopped");
    }
    tasks.add(task);
    Native.eventFdWrite(wakeup.intValue(), 1L);
  }

  @Override
  public void schedule(Runnable task, long delayNanos) {
    timer(task).arm(delayNanos);
  }

  @Override
  public Timer timer(Runnable task) {
    return new Timer(this, task);
  }

  /**
   * Busy: every connection is in use and requests wait for one. Waits then have no timeout until
   * this is called with false (see the class comment). Loop thread only.
   */
  @Override
  public void parkWhileBusy(boolean busy) {
    PARKED.setOpaque(this, busy);
    if (busy && watchdog == null) {
      watchdog = new Thread(this::watch, name + "-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
    }
  }

  /** The watchdog: wakes a parked loop that two looks {@value #PARK_CHECK_MICROS} µs apart found unmoved. */
  private void watch() {
    long seen = -1;
    while (running) {
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(PARK_CHECK_MICROS));
      long t = (long) TURN.getOpaque(this);
      if (t == seen && (boolean) PARKED.getOpaque(this) && running) {
        Native.eventFdWrite(wakeup.intValue(), 1L);
      }
      seen = t;
    }
  }

  @Override
  public Watch watch(FileDescriptor descriptor, int flags, Handler handler) throws IOException {
    int fd = descriptor.intValue();
    if (fd >= handlers.length) {
      handlers = Arrays.copyOf(handlers, Math.max(fd + 1, handlers.length * 2));
    }
    epoll.add(fd, flags);
    handlers[fd] = handler;
    return new Watch() {
      @Override
      public void modify(int newFlags) throws IOException {
        epoll.modify(fd, newFlags);
      }

      @Override
      public void cancel() {
        handlers[fd] = null;
        try {
          epoll.remove(fd);
        } catch (IOException ignored) {
          // the descriptor is about to be closed, which removes it from the set anyway
        }
      }
    };
  }

  @Override
  public LoopThread thread() {
    return this;
  }

  /**
   * Runs {@code last} on the loop's thread, then stops the loop and frees its descriptors; waits
   * up to {@code timeoutNanos} for the thread to end, and says whether it did. Safe from any
   * thread but the loop's.
   */
  boolean shutdown(Runnable last, long timeoutNanos) throws InterruptedException {
    execute(() -> {
      try {
        last.run();
      } finally {
        running = false;
      }
    });
    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
    return !thread.isAlive();
  }

  /** The first exception a task, timer or handler threw, or null: the loop went on after it. */
  Throwable firstFailure() {
    return firstFailure;
  }

  private void run() {
    try {
      while (running) {
        turn();
      }
    } catch (IOException | RuntimeException e) {
      failed(e);
    } finally {
      running = false;
      if (watchdog != null) {
        // It writes to the eventfd: it must be gone before the descriptor is closed and reused.
        try {
          watchdog.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      epoll.close();
      try {
        wakeup.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }

  private void turn() throws IOException {
    long now = clock.nanoTime();
    TURN.setOpaque(this, turn + 1);
    while (timers > 0 && heap[0].deadline <= now && heap[0].armedTurn < turn) {
      Timer t = heap[0];
      removeAt(0);
      runGuarded(t.task);
    }
    if (!running) {
      return;
    }
    long timeout = timers == 0 || parked ? -1 : Math.max(0, heap[0].deadline - now);
    int ready = epoll.await(timeout);
    int wakeupFd = wakeup.intValue();
    for (int i = 0; i < ready; i++) {
      int fd = epoll.fd(i);
      if (fd == wakeupFd) {
        Native.eventFdRead(wakeupFd);
        runTasks();
        continue;
      }
      Handler h = fd < handlers.length ? handlers[fd] : null;
      if (h != null) {
        try {
          h.ready(epoll.events(i));
        } catch (RuntimeException | Error e) {
          failed(e);
        }
      }
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      runGuarded(task);
    }
  }

  /** Runs a task or timer; what it throws is reported and the loop goes on. */
  private void runGuarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      failed(e);
    }
  }

  private void failed(Throwable t) {
    if (firstFailure == null) {
      firstFailure = t;
      System.err.println("perftwin: event loop " + name + ": " + t);
    }
  }

  // The timer heap: a binary min-heap on deadline; each timer knows its index.

  private void arm(Timer t, long deadline) {
    t.deadline = deadline;
    t.armedTurn = turn;
    if (t.index >= 0) {
      siftUp(t.index);
      siftDown(t.index);
      return;
    }
    if (timers == heap.length) {
      heap = Arrays.copyOf(heap, timers * 2);
    }
    heap[timers] = t;
    t.index = timers;
    timers++;
    siftUp(t.index);
  }

  private void cancel(Timer t) {
    if (t.index >= 0) {
      removeAt(t.index);
    }
  }

  private void removeAt(int i) {
    Timer gone = heap[i];
    gone.index = -1;
    timers--;
    if (i == timers) {
      heap[timers] = null;
      return;
    }
    Timer last = heap[timers];
    heap[timers] = null;
    heap[i] = last;
    last.index = i;
    siftUp(i);
    siftDown(last.index);
  }

  private void siftUp(int i) {
    Timer t = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Timer p = heap[parent];
      if (p.deadline <= t.deadline) {
        break;
      }
      heap[i] = p;
      p.index = i;
      i = parent;
    }
    heap[i] = t;
    t.index = i;
  }

  private void siftDown(int i) {
    Timer t = heap[i];
    int half = timers >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      Timer c = heap[child];
      int right = child + 1;
      if (right < timers && heap[right].deadline < c.deadline) {
        child = right;
        c = heap[child];
      }
      if (t.deadline <= c.deadline) {
        break;
      }
      heap[i] = c;
      c.index = i;
      i = child;
    }
    heap[i] = t;
    t.index = i;
  }
}
