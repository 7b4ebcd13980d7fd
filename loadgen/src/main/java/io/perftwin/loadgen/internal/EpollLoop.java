package io.perftwin.loadgen.internal;

import io.netty.channel.epoll.Native;
import io.netty.channel.unix.FileDescriptor;
import io.perftwin.loadgen.NanoClock;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own event loop: one thread, one {@link EpollSet}, a timer heap and a task queue,
 * and nothing else. Each turn reads the clock once, runs the timers due by then, and waits in
 * {@code epoll_pwait2} until the next timer or a ready socket, then hands each ready file
 * descriptor to its {@link Handler}. Other threads hand it work with {@link #execute}, which
 * wakes it through an eventfd.
 *
 * <p>Why not Netty's or Vert.x's loop: per request they add a task queue, a scheduled-task queue
 * read with the clock each turn, atomic wake-up flags, a handle registry and a context switch,
 * which together cost the engine about as much CPU as its own work per request
 * (docs/benchmarks.md, sessions 8 and 9). This loop keeps only what the engine uses.
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

    /** Disarms it; nothing if it is not armed. */
    void cancel() {
      loop.cancel(this);
    }
  }

  private final String name;
  private final NanoClock clock;
  private final EpollSet epoll = new EpollSet();
  private final FileDescriptor wakeup = Native.newEventFd();
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private Handler[] handlers = new Handler[1024];
  private Timer[] heap = new Timer[64];
  private int timers;
  private long turn;
  private volatile boolean running = true;
  private Throwable firstFailure;

  /** Starts the loop's thread. */
  EpollLoop(String name, NanoClock clock) throws IOException {
    this.name = name;
    this.clock = clock;
    try {
      epoll.add(wakeup.intValue(), EpollSet.IN);
    } catch (IOException e) {
      epoll.close();
      wakeup.close();
      throw e;
    }
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code task} on the loop's thread, soon. Safe from any thread. */
  @Override
  public void execute(Runnable task) {
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
    turn++;
    while (timers > 0 && heap[0].deadline <= now && heap[0].armedTurn < turn) {
      Timer t = heap[0];
      removeAt(0);
      try {
        t.task.run();
      } catch (RuntimeException | Error e) {
        failed(e);
      }
    }
    if (!running) {
      return;
    }
    long timeout = timers == 0 ? -1 : Math.max(0, heap[0].deadline - now);
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
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        failed(e);
      }
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
