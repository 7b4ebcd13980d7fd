package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.NanoClock;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.ResponseCheck;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 on the loop's own event loop: pre-encoded requests, an allocation-free response
 * parser, connections opened lazily up to the loop's share, requests waiting for a connection
 * kept in primitive arrays. No per-request objects on the happy path. How a connection moves its
 * bytes is the {@link Connector}'s business: sockets on the epoll loop directly
 * ({@link EpollHttp1Connection}) or Netty channels ({@link ChannelHttp1Connection}).
 *
 * <p>Timeouts are found by a sweep every {@link #sweepNanos}: a request in flight longer than the
 * timeout since it was written, or waiting for a connection longer than the timeout since it
 * was dispatched, fails with {@link ErrorKind#TIMEOUT}; its connection is closed.
 */
final class Http1Transport implements Transport {
  /** Opens connections for a transport; runs on its loop. */
  interface Connector {
    /**
     * Starts opening one connection; reports exactly once, to {@link #connected} or
     * {@link #connectFailed}, within {@link #connectTimeoutNanos()}.
     */
    void open(Http1Transport transport);

    /** Frees what the connector holds, once the transport has closed its connections. */
    default void close() {}
  }

  private final LoopThread.Rearmable sweepTimer;
  private final LoopThread thread;
  private final NanoClock clock;
  private final Completion completion;
  private final Connector connector;
  private final long connectTimeoutNanos;
  private final int maxConnections;
  private final RequestRenderer[] requests;
  private final boolean[] head;
  private final long[] timeoutNanos;
  private final ResponseCheck[][] checks;
  private final boolean[] needsBody;
  private final long sweepNanos;

  private final ArrayDeque<Http1Connection> idle = new ArrayDeque<>();
  private final List<Http1Connection> connections = new ArrayList<>();
  private final WaitQueue waiting = new WaitQueue();
  private int connecting;
  private boolean closed;
  /** What the loop was last told by {@link LoopThread#parkWhileBusy}. */
  private boolean busy;

  /**
   * @param connector opens the connections; it may read {@link #connectTimeoutNanos()}, the
   *     shortest request timeout
   */
  Http1Transport(LoopThread thread, NanoClock clock, Completion completion, Connector connector,
      int maxConnections, RequestRenderer[] requests, List<RequestTemplate> templates, Duration planTimeout) {
    this.thread = thread;
    this.clock = clock;
    this.completion = completion;
    this.connector = connector;
    this.maxConnections = maxConnections;
    this.requests = requests;
    int n = templates.size();
    this.head = new boolean[n];
    this.timeoutNanos = new long[n];
    this.checks = new ResponseCheck[n][];
    this.needsBody = new boolean[n];
    long shortest = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      RequestTemplate t = templates.get(i);
      head[i] = t.method().equals("HEAD");
      timeoutNanos[i] = t.timeoutOr(planTimeout).toNanos();
      shortest = Math.min(shortest, timeoutNanos[i]);
      checks[i] = t.effectiveChecks().toArray(new ResponseCheck[0]);
      needsBody[i] = t.effectiveChecks().stream().anyMatch(ResponseCheck::needsBody);
    }
    this.connectTimeoutNanos = shortest;
    this.sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(TimeUnit.MILLISECONDS.toNanos(50), shortest / 20));
    this.sweepTimer = thread.timer(this::sweep);
    sweepTimer.arm(sweepNanos);
  }

  @Override
  public void submit(int phase, int name, int user, long intendedNanos, long nowNanos) {
    if (closed) {
      completion.complete(phase, name, user, intendedNanos, -1, ErrorKind.OTHER);
      return;
    }
    Http1Connection c = idle.pollFirst();
    if (c != null) {
      send(c, phase, name, user, intendedNanos, nowNanos);
      return;
    }
    waiting.add(phase, name, user, intendedNanos, nowNanos);
    if (connections.size() + connecting < maxConnections) {
      connect();
    }
    updateBusy();
  }

  /**
   * Tells the loop whether every connection is open and in use with requests waiting: then only
   * a response can let a request go, and the loop may wait for one without a timeout.
   */
  private void updateBusy() {
    boolean now = waiting.size() > 0 && idle.isEmpty() && connections.size() == maxConnections && !closed;
    if (now != busy) {
      busy = now;
      thread.parkWhileBusy(now);
    }
  }

  /** Writes the request; {@code nowNanos} is a clock reading taken just before, recorded as its send time. */
  private void send(Http1Connection c, int phase, int name, int user, long intendedNanos, long nowNanos) {
    c.busy = true;
    c.phase = phase;
    c.name = name;
    c.user = user;
    c.intendedNanos = intendedNanos;
    if (needsBody[name]) {
      c.resetBody();
      c.parser.reset(head[name], c.bodySink);
    } else {
      c.parser.reset(head[name], null);
    }
    c.sentNanos = nowNanos;
    c.write(requests[name]);
  }

  /** How long opening a connection may take: the shortest request timeout. */
  long connectTimeoutNanos() {
    return connectTimeoutNanos;
  }

  private void connect() {
    connecting++;
    connector.open(this);
  }

  /** A connection opened; called by the {@link Connector}. */
  void connected(Http1Connection c) {
    connecting--;
    if (closed) {
      c.disconnect();
      return;
    }
    connections.add(c);
    connectionFree(c, clock.nanoTime());
  }

  /** A connection could not be opened; called by the {@link Connector}. */
  void connectFailed(Throwable cause) {
    connecting--;
    if (connections.isEmpty() && connecting == 0) {
      // Nothing to serve the waiting requests: each fails with the cause.
      failWaiting(ErrorClassifier.classify(cause), Integer.MAX_VALUE);
    }
    updateBusy();
  }

  private void connectionFree(Http1Connection c, long nowNanos) {
    if (waiting.size() > 0) {
      send(c, waiting.phase(), waiting.name(), waiting.user(), waiting.intended(), nowNanos);
      waiting.removeFirst();
    } else {
      idle.addFirst(c); // LIFO keeps a few connections hot
    }
    updateBusy();
  }

  void responseComplete(Http1Connection c) {
    // The end of this response is, within the bookkeeping between them (well under a
    // microsecond), the send time of the waiting request it frees the connection for: one clock
    // reading serves both.
    long end = finish(c, check(c));
    if (c.parser.connectionClose()) {
      c.disconnect();
    } else {
      connectionFree(c, end);
    }
  }

  /** The first failing check's error kind, or null when every check passes. */
  private ErrorKind check(Http1Connection c) {
    int status = c.parser.status();
    String body = needsBody[c.name] ? c.bodyText() : null;
    for (ResponseCheck check : checks[c.name]) {
      if (!check.test(status, body)) {
        return check.errorKind();
      }
    }
    return null;
  }

  void responseFailed(Http1Connection c, ErrorKind kind) {
    if (c.busy) {
      finish(c, kind);
    }
  }

  private long finish(Http1Connection c, ErrorKind error) {
    c.busy = false;
    return completion.complete(c.phase, c.name, c.user, c.intendedNanos, c.sentNanos, error);
  }

  void connectionError(Http1Connection c, Throwable cause) {
    if (c.busy) {
      finish(c, ErrorClassifier.classify(cause));
    }
  }

  void connectionClosed(Http1Connection c) {
    // Gone first, so that nothing below (a completion dispatching more requests) reuses it.
    connections.remove(c);
    idle.remove(c);
    if (c.busy) {
      if (c.parser.readsUntilClose()) {
        c.parser.onClose();
        finish(c, check(c));
      } else {
        finish(c, ErrorKind.RESET);
      }
    }
    if (!closed && waiting.size() > 0 && connections.size() + connecting < maxConnections) {
      connect();
    }
    updateBusy();
  }

  private void sweep() {
    if (closed) {
      return;
    }
    long now = clock.nanoTime();
    for (int i = connections.size() - 1; i >= 0; i--) {
      Http1Connection c = connections.get(i);
      if (c.busy && now - c.sentNanos >= timeoutNanos[c.name]) {
        finish(c, ErrorKind.TIMEOUT);
        c.disconnect();
      }
    }
    // Waiting requests leave in FIFO order: only the head's own timeout is checked.
    while (waiting.size() > 0 && now - waiting.dispatched() >= timeoutNanos[waiting.name()]) {
      completion.complete(waiting.phase(), waiting.name(), waiting.user(), waiting.intended(), -1, ErrorKind.TIMEOUT);
      waiting.removeFirst();
    }
    updateBusy();
    sweepTimer.arm(sweepNanos);
  }

  private void failWaiting(ErrorKind kind, int max) {
    for (int i = 0; i < max && waiting.size() > 0; i++) {
      completion.complete(waiting.phase(), waiting.name(), waiting.user(), waiting.intended(), -1, kind);
      waiting.removeFirst();
    }
  }

  @Override
  public void close() {
    // A run can close its transports at the drain deadline and then undeploy the loops, which
    // closes them again: the second close has nothing left to do (and must not free the
    // connector's resources twice).
    if (closed) {
      return;
    }
    closed = true;
    updateBusy();
    failWaiting(ErrorKind.OTHER, Integer.MAX_VALUE);
    for (Http1Connection c : new ArrayList<>(connections)) {
      if (c.busy) {
        finish(c, ErrorKind.TIMEOUT);
      }
      c.disconnect();
    }
    connector.close();
  }

  /** FIFO of requests waiting for a connection, in primitive arrays. */
  private static final class WaitQueue {
    private int[] phase = new int[64];
    private int[] name = new int[64];
    private int[] user = new int[64];
    private long[] intended = new long[64];
    private long[] dispatched = new long[64];
    private int head;
    private int size;

    int size() {
      return size;
    }

    void add(int p, int n, int u, long i, long d) {
      if (size == phase.length) {
        grow();
      }
      int at = (head + size) & (phase.length - 1);
      phase[at] = p;
      name[at] = n;
      user[at] = u;
      intended[at] = i;
      dispatched[at] = d;
      size++;
    }

    int phase() {
      return phase[head];
    }

    int name() {
      return name[head];
    }

    int user() {
      return user[head];
    }

    long intended() {
      return intended[head];
    }

    long dispatched() {
      return dispatched[head];
    }

    void removeFirst() {
      head = (head + 1) & (phase.length - 1);
      size--;
    }

    private void grow() {
      int n = phase.length * 2;
      phase = unroll(phase, n);
      name = unroll(name, n);
      user = unroll(user, n);
      intended = unroll(intended, n);
      dispatched = unroll(dispatched, n);
      head = 0;
    }

    private int[] unroll(int[] a, int n) {
      int[] b = new int[n];
      for (int i = 0; i < size; i++) {
        b[i] = a[(head + i) & (a.length - 1)];
      }
      return b;
    }

    private long[] unroll(long[] a, int n) {
      long[] b = new long[n];
      for (int i = 0; i < size; i++) {
        b[i] = a[(head + i) & (a.length - 1)];
      }
      return b;
    }
  }
}
