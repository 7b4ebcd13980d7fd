package io.perftwin.bench;

import com.sun.management.OperatingSystemMXBean;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventArray;
import io.netty.channel.epoll.Native;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import io.netty.util.internal.PlatformDependent;
import io.perftwin.loadgen.results.Histograms;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * A ceiling probe, not an engine: how many requests per CPU-second a JVM open-model loop reaches
 * on this machine with nothing but the per-request work. One thread, Netty's native epoll and
 * socket calls (the ones the engine's socket transport uses), no Vert.x and no Netty event loop:
 * the loop waits with {@code epoll_pwait2} until the next intended time or a response (with no
 * timeout when arrivals wait and every connection is busy), sends due requests on idle
 * connections, longest idle first, records response time from the intended start, service time
 * and schedule lag into plain histograms, and parses only the end of the headers and
 * {@code Content-Length}. Arrivals that find no idle connection queue, as in the engine.
 *
 * <pre>java -cp … io.perftwin.bench.LoopCeilingBench URL RATE CONNECTIONS SECONDS [WARMUP_SECONDS]</pre>
 *
 * <p>At wrk's rate the target cannot always keep up, and the probe, like the engine, then queues
 * arrivals for a connection. The probe records schedule lag at the send, so its lag includes that
 * wait; the engine records lag when an arrival is handed to its connection pool, and the wait
 * shows in its response times (docs/benchmarks.md, session 8). The probe reaches Netty's
 * package-private {@code epoll_pwait2} wrapper and event array by reflection, as the engine's own
 * loop does in one place ({@code EpollSet}), with a fallback to Vert.x loops where it fails.
 */
public final class LoopCeilingBench {
  private static final MethodHandle WAIT;
  private static final int EVENT_SIZE = Native.sizeofEpollEvent();
  private static final int DATA_OFFSET = Native.offsetofEpollData();
  private static final int BUFFER = 64 * 1024;
  /** perftwin.ceiling.trace=true: every 100 ms, the largest lag, the backlog and the completions so far, on stderr. */
  private static final boolean TRACE = Boolean.getBoolean("perftwin.ceiling.trace");
  /** perftwin.ceiling.batch=true: send what is due once after each batch of ready events, like wrk, not after each response. */
  private static final boolean BATCH = Boolean.getBoolean("perftwin.ceiling.batch");

  static {
    try {
      Method wait = Native.class.getDeclaredMethod("epollWait", FileDescriptor.class, EpollEventArray.class,
          FileDescriptor.class, int.class, int.class, long.class);
      wait.setAccessible(true);
      WAIT = MethodHandles.lookup().unreflect(wait)
          .asType(MethodType.methodType(long.class, FileDescriptor.class, EpollEventArray.class, FileDescriptor.class,
              int.class, int.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final FileDescriptor epoll = Native.newEpollCreate();
  private final FileDescriptor timer = Native.newTimerFd();
  private final EpollEventArray events;
  private final long eventsAddress;
  private final long buffer = PlatformDependent.allocateMemory(BUFFER);
  private final byte[] request;
  private final long requestAddress;
  private final Socket[] sockets;
  private final int[] connectionOfFd = new int[65536];
  private final long[] intended;
  private final long[] sent;
  /** Per connection: bytes of the current response still expected after the headers, or -1 while in headers. */
  private final long[] bodyLeft;
  /** Per connection: the last four bytes seen while in headers, to find CRLFCRLF across reads. */
  private final int[] tail;
  private final int[] contentLength;
  /**
   * Idle connections, longest idle first (a ring): taking the most recently freed one instead
   * would keep a few connections busy, all served by one of the target's event loops.
   */
  private final int[] idle;
  private int idleHead;
  private int idleCount;
  private final long intervalNanos;
  private final Histogram response = Histograms.create();
  private final Histogram service = Histograms.create();
  private final Histogram lag = Histograms.create();
  private long completed;
  private long next;
  private long end;
  /** Intended times of arrivals that found no idle connection, oldest first (ring). */
  private final long[] backlog = new long[1 << 20];
  private int backlogHead;
  private int backlogSize;
  private long nextTrace;
  private long traceMaxLag;

  LoopCeilingBench(URI url, double rate, int connections) throws Exception {
    Constructor<EpollEventArray> ctor = EpollEventArray.class.getDeclaredConstructor(int.class);
    ctor.setAccessible(true);
    events = ctor.newInstance(64);
    Method address = EpollEventArray.class.getDeclaredMethod("memoryAddress");
    address.setAccessible(true);
    eventsAddress = (long) address.invoke(events);
    String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    byte[] r = ("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort() + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    request = r;
    requestAddress = PlatformDependent.allocateMemory(r.length);
    PlatformDependent.copyMemory(r, 0, requestAddress, r.length);
    sockets = new Socket[connections];
    intended = new long[connections];
    sent = new long[connections];
    bodyLeft = new long[connections];
    tail = new int[connections];
    contentLength = new int[connections];
    idle = new int[connections];
    intervalNanos = (long) (1e9 / rate);
    InetSocketAddress target = new InetSocketAddress(url.getHost(), url.getPort());
    for (int c = 0; c < connections; c++) {
      Socket s = Socket.newSocketStream();
      s.setTcpNoDelay(true);
      if (!s.connect(target)) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!s.finishConnect()) {
          if (System.nanoTime() > deadline) {
            throw new IOException("connect timed out: " + target);
          }
          Thread.onSpinWait();
        }
      }
      sockets[c] = s;
      connectionOfFd[s.intValue()] = c;
      Native.epollCtlAdd(epoll.intValue(), s.intValue(), Native.EPOLLIN | Native.EPOLLRDHUP | Native.EPOLLET);
      idle[idleCount++] = c;
    }
  }

  /** Runs the open schedule for {@code seconds}, then waits up to 2 s for what is in flight. */
  void run(double seconds) throws Throwable {
    response.reset();
    service.reset();
    lag.reset();
    completed = 0;
    long start = System.nanoTime();
    next = start;
    end = start + (long) (seconds * 1e9);
    long drainUntil = end + 2_000_000_000L;
    // The loop's body is a method of its own, compiled during the warm-up run: a second call of
    // one long loop would start in the interpreter and wait for on-stack replacement.
    while (step(drainUntil)) {
      // step does the work
    }
  }

  /** One wait and what it brought; false when the run is over. */
  private boolean step(long drainUntil) throws Throwable {
    long now = sendDue(System.nanoTime());
    if (TRACE && now >= nextTrace) {
      System.err.printf(Locale.ROOT, "t=%.1f ms to the phase end, max lag %.3f ms, backlog %d, idle %d, completed %d%n",
          (now - end) / 1e6, traceMaxLag / 1e6, backlogSize, idleCount, completed);
      traceMaxLag = 0;
      nextTrace = now + 100_000_000L;
    }
    if ((now >= end && idleCount == sockets.length && backlogSize == 0) || now >= drainUntil) {
      return false;
    }
    long wakeAt = next < end ? next : drainUntil;
    long delay = Math.max(wakeAt - now, 1);
    // Arrivals waiting and no idle connection: only a response can let one go, so wait for it
    // with no timeout. A short timeout there makes the wait a busy poll.
    boolean untimed = backlogSize > 0 && idleCount == 0;
    long result = untimed
        ? (long) WAIT.invokeExact(epoll, events, timer, -1, -1, 1L)
        : (long) WAIT.invokeExact(epoll, events, timer, (int) (delay / 1_000_000_000L), (int) (delay % 1_000_000_000L), 1L);
    int ready = (int) (result >>> 32);
    for (int i = 0; i < ready; i++) {
      long e = eventsAddress + (long) i * EVENT_SIZE;
      read(connectionOfFd[PlatformDependent.getInt(e + DATA_OFFSET)]);
    }
    return true;
  }

  /** Sends queued and newly due arrivals while connections are idle; returns the last clock reading. */
  private long sendDue(long now) throws IOException {
    while (next <= now && next < end) {
      if (backlogSize == backlog.length) {
        throw new IllegalStateException("backlog full");
      }
      backlog[(backlogHead + backlogSize) & (backlog.length - 1)] = next;
      backlogSize++;
      next += intervalNanos;
    }
    boolean wrote = false;
    while (backlogSize > 0 && idleCount > 0) {
      if (wrote) {
        now = System.nanoTime();
      }
      int c = idle[idleHead];
      idleHead = (idleHead + 1) % idle.length;
      idleCount--;
      long t = backlog[backlogHead];
      backlogHead = (backlogHead + 1) & (backlog.length - 1);
      backlogSize--;
      intended[c] = t;
      sent[c] = now;
      bodyLeft[c] = -1;
      tail[c] = 0;
      contentLength[c] = 0;
      lag.recordValue(Math.max(0, now - t));
      traceMaxLag = Math.max(traceMaxLag, now - t);
      int n = sockets[c].sendAddress(requestAddress, 0, request.length);
      if (n != request.length) {
        throw new IOException("short send");
      }
      wrote = true;
    }
    return now;
  }

  private void read(int c) throws IOException {
    Socket s = sockets[c];
    for (;;) {
      int n = s.recvAddress(buffer, 0, BUFFER);
      if (n <= 0) {
        if (n < 0) {
          throw new IOException("connection closed by the target");
        }
        return;
      }
      consume(c, n);
      if (n < BUFFER) {
        return;
      }
    }
  }

  /** Finds the end of the headers and Content-Length (the first digits after "th:"), then counts the body. */
  private void consume(int c, int n) throws IOException {
    int i = 0;
    while (i < n) {
      if (bodyLeft[c] < 0) {
        int t = tail[c];
        for (; i < n; i++) {
          byte b = PlatformDependent.getByte(buffer + i);
          t = (t << 8) | (b & 0xff);
          if ((t & 0xffffff) == (('t' << 16) | ('h' << 8) | ':') || (t & 0xffffff) == (('T' << 16) | ('H' << 8) | ':')) {
            contentLength[c] = parseLength(i + 1, n);
          }
          if (t == 0x0d0a0d0a) {
            i++;
            bodyLeft[c] = contentLength[c];
            break;
          }
        }
        tail[c] = t;
      }
      if (bodyLeft[c] >= 0) {
        long take = Math.min(bodyLeft[c], n - i);
        bodyLeft[c] -= take;
        i += (int) take;
        if (bodyLeft[c] == 0) {
          complete(c);
          if (i < n) {
            throw new IOException("bytes after a response with no request outstanding");
          }
        }
      }
    }
  }

  private int parseLength(int from, int n) {
    int v = 0;
    for (int i = from; i < n; i++) {
      byte b = PlatformDependent.getByte(buffer + i);
      if (b >= '0' && b <= '9') {
        v = v * 10 + (b - '0');
      } else if (b != ' ') {
        break;
      }
    }
    return v;
  }

  private void complete(int c) throws IOException {
    long now = System.nanoTime();
    response.recordValue(Math.max(0, now - intended[c]));
    service.recordValue(Math.max(0, now - sent[c]));
    completed++;
    idle[(idleHead + idleCount++) % idle.length] = c;
    bodyLeft[c] = -1;
    if (!BATCH) {
      sendDue(now);
    }
  }

  public static void main(String[] args) throws Throwable {
    if (args.length < 4) {
      System.err.println("usage: LoopCeilingBench URL RATE CONNECTIONS SECONDS [WARMUP_SECONDS]");
      System.exit(2);
    }
    Epoll.ensureAvailability();
    URI url = URI.create(args[0]);
    double rate = Double.parseDouble(args[1]);
    int connections = Integer.parseInt(args[2]);
    double seconds = Double.parseDouble(args[3]);
    double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 10;
    LoopCeilingBench bench = new LoopCeilingBench(url, rate, connections);
    bench.run(warmup);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    double[] splitBefore = EngineBench.userSystemSeconds();
    long wallBefore = System.nanoTime();
    bench.run(seconds);
    double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
    double[] splitAfter = EngineBench.userSystemSeconds();
    double wall = (System.nanoTime() - wallBefore) / 1e9;
    System.out.println(String.format(Locale.ROOT,
        "{\"engine\":\"loop-ceiling\",\"offeredRate\":%.1f,\"connections\":%d,\"requests\":%d,\"wallSeconds\":%.3f,"
            + "\"cpuSeconds\":%.3f,\"requestsPerCpuSecond\":%.0f,\"userCpuSeconds\":%.2f,\"systemCpuSeconds\":%.2f,\"lagP99Ms\":%.3f,\"p50Ms\":%.3f,\"p99Ms\":%.3f}",
        rate, connections, bench.completed, wall, cpu, bench.completed / cpu, splitAfter[0] - splitBefore[0],
        splitAfter[1] - splitBefore[1], Histograms.percentileMillis(bench.lag, 99),
        Histograms.percentileMillis(bench.response, 50), Histograms.percentileMillis(bench.response, 99)));
  }
}
