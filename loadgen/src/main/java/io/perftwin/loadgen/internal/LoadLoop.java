package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.ArrivalSchedule;
import io.perftwin.loadgen.ClosedUsers;
import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.Feeder;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.NanoClock;
import io.perftwin.loadgen.OpenShape;
import io.perftwin.loadgen.Phase;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of the load: its own connections, its own share of every phase's
 * schedule, its own recorders. Everything here runs on that loop's thread ({@link LoopThread}):
 * the engine's own {@link EpollLoop}, or a Vert.x event loop ({@link LoadVerticle}).
 *
 * <p>Pacing: a timer fires at the next intended time; the tick dispatches every request that is
 * due (intended time at or before now), then arms the timer for the next one. A late tick
 * therefore sends a burst, and every request in it is charged from its own intended time. Open
 * arrivals also leave at the end of every response ({@link #dispatchDueArrivals}): under load
 * the loop is awake for responses every few microseconds, far more often than the timer fires.
 */
final class LoadLoop implements Transport.Completion {
  /** Requests dispatched per tick at most, before yielding to I/O. */
  private static final int MAX_BURST = 512;
  /**
   * Shortest time between two ticks. Each armed timer costs the event loop a system call, so at
   * high rates several arrivals share one tick; 50 µs keeps the added schedule lag far below the
   * 1 ms that matters while cutting timer calls at 100k req/s per loop by five.
   */
  private static final long MIN_TICK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

  /** Makes the loop's transport, on the loop's thread. */
  interface TransportFactory {
    /**
     * @param connections this loop's share of the plan's connections
     * @param renderers one per request of the plan, with this loop's feeder cursors
     */
    Transport create(Transport.Completion completion, int connections, RequestRenderer[] renderers);
  }

  private final int share;
  private final LoadPlan plan;
  private final RecorderBook book;
  private final NanoClock clock;
  private final long startNanos;
  private final Runnable onSchedulingDone;

  private LoopThread thread;
  private Transport transport;
  private LoopThread.Rearmable tickTimer;
  private int[] cumulativeWeights;
  private SplittableRandom random;

  private enum Event { ARRIVAL, CLOSED_START, PHASE_END }

  private int phase = -1;
  private long phaseStartNanos;
  private long phaseEndNanos;
  private ArrivalSchedule schedule;
  private Event nextEvent;
  private long nextEventNanos;
  private boolean schedulingDone;
  /** True while a request is being handed to the transport: a completion inside it dispatches nothing. */
  private boolean dispatching;
  /** Think time of the current closed phase, nanoseconds; -1 in open phases. */
  private long thinkNanos = -1;

  LoadLoop(int share, LoadPlan plan, RecorderBook book, NanoClock clock, long startNanos, Runnable onSchedulingDone) {
    this.share = share;
    this.plan = plan;
    this.book = book;
    this.clock = clock;
    this.startNanos = startNanos;
    this.onSchedulingDone = onSchedulingDone;
  }

  /** Starts the loop: call on {@code thread}. */
  void start(LoopThread thread, TransportFactory transports) {
    this.thread = thread;
    book.bindLoop(share, thread);
    int loops = plan.eventLoops();
    int connections = plan.connections() / loops + (share < plan.connections() % loops ? 1 : 0);
    transport = transports.create(this, connections, renderers());
    int n = plan.requests().size();
    cumulativeWeights = new int[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += plan.requests().get(i).weight();
      cumulativeWeights[i] = total;
    }
    random = new SplittableRandom(plan.seed() * 31 + plan.scheduleShare(share));
    tickTimer = thread.timer(this::tick);
    enterNextPhase();
    armTimer(clock.nanoTime());
  }

  /** The thread this loop runs on; null before {@link #start}. */
  LoopThread thread() {
    return thread;
  }

  /** Stops dispatching now; requests in flight go on. Call on this loop's thread. */
  void stopScheduling() {
    if (!schedulingDone) {
      schedulingDone = true;
      onSchedulingDone.run();
    }
  }

  /** One renderer per request of the plan, reading this loop's feeder cursors. */
  private RequestRenderer[] renderers() {
    Feeder.Cursor[] cursors = new Feeder.Cursor[plan.feeders().size()];
    for (int f = 0; f < cursors.length; f++) {
      cursors[f] = plan.feeders().get(f).cursor(plan.seed(), plan.scheduleShare(share), plan.scheduleShares());
    }
    int n = plan.requests().size();
    RequestRenderer[] renderers = new RequestRenderer[n];
    for (int i = 0; i < n; i++) {
      renderers[i] = new RequestRenderer(plan.requests().get(i), plan, plan.target(), cursors);
    }
    return renderers;
  }

  /**
   * Closes the connections; requests still queued or in flight fail and are recorded. Call on
   * this loop's thread; a second call does nothing.
   */
  void closeTransport() {
    if (transport != null) {
      transport.close();
    }
  }

  private void enterNextPhase() {
    phaseStartNanos = phase < 0 ? startNanos : phaseEndNanos;
    phase++;
    if (phase >= plan.phases().size()) {
      stopScheduling();
      return;
    }
    Phase p = plan.phases().get(phase);
    phaseEndNanos = phaseStartNanos + p.duration().toNanos();
    if (p.shape() instanceof OpenShape open) {
      thinkNanos = -1;
      schedule = open.schedule(p.duration(), plan.scheduleShare(share), plan.scheduleShares(), plan.seed() ^ (phase * 0x9E3779B97F4A7C15L));
      nextOpenEvent();
    } else if (p.shape() instanceof ClosedUsers closed) {
      thinkNanos = closed.thinkTime().toNanos();
      schedule = null;
      nextEvent = Event.CLOSED_START;
      nextEventNanos = phaseStartNanos;
    } else {
      throw new IllegalStateException("phase '" + p.name() + "': unsupported shape " + p.shape());
    }
  }

  private void nextOpenEvent() {
    long t = schedule.nextFireTimeNanos();
    if (t == ArrivalSchedule.END) {
      nextEvent = Event.PHASE_END;
      nextEventNanos = phaseEndNanos;
    } else {
      nextEvent = Event.ARRIVAL;
      nextEventNanos = phaseStartNanos + t;
    }
  }

  private void armTimer(long now) {
    if (schedulingDone) {
      return;
    }
    // Coalesce: a tick never comes sooner than MIN_TICK after the last one; the requests it
    // finds due are sent together, each charged from its own intended time.
    tickTimer.arm(Math.max(nextEventNanos - now, MIN_TICK_NANOS));
  }

  private void tick() {
    if (schedulingDone) {
      return;
    }
    long now = clock.nanoTime();
    int burst = 0;
    boolean wrote = false;
    while (nextEventNanos <= now && burst < MAX_BURST) {
      switch (nextEvent) {
        case ARRIVAL -> {
          if (wrote) {
            now = clock.nanoTime(); // a write since the last reading: it no longer tells the send time
          }
          dispatchArrival(now);
          wrote = true;
          burst++;
        }
        case CLOSED_START -> {
          if (wrote) {
            now = clock.nanoTime();
          }
          startUsers(now);
          wrote = true;
          nextEvent = Event.PHASE_END;
          nextEventNanos = phaseEndNanos;
        }
        case PHASE_END -> enterNextPhase();
        default -> throw new IllegalStateException(String.valueOf(nextEvent));
      }
      if (schedulingDone) {
        return;
      }
    }
    if (burst == MAX_BURST) {
      tickTimer.arm(0); // more are due: let I/O run first, then continue
    } else {
      armTimer(now);
    }
  }

  private void dispatchArrival(long now) {
    dispatching = true;
    try {
      dispatch(nextEventNanos, phase, now, -1);
    } finally {
      dispatching = false;
    }
    nextOpenEvent();
  }

  /**
   * Sends the arrivals that fell due by {@code now}, a clock reading just taken at a response's
   * end: the loop is awake anyway, so a due request goes now instead of at the next timer tick.
   * Under load responses end every few microseconds, so most requests leave this way, close to
   * their intended time; the timer still fires (at most every 50 µs) and sends what no response
   * end came in time for. Phase changes are left to the timer.
   */
  private void dispatchDueArrivals(long now) {
    if (dispatching || schedulingDone) {
      return;
    }
    int burst = 0;
    while (nextEvent == Event.ARRIVAL && nextEventNanos <= now && burst < MAX_BURST) {
      if (burst > 0) {
        now = clock.nanoTime();
      }
      dispatchArrival(now);
      burst++;
    }
  }

  /** Starts this share's users of the closed phase: user u belongs to share u mod shares. */
  private void startUsers(long now) {
    int users = ((ClosedUsers) plan.phases().get(phase).shape()).users();
    for (int u = plan.scheduleShare(share); u < users; u += plan.scheduleShares()) {
      dispatch(phaseStartNanos, phase, now, u);
      now = clock.nanoTime();
    }
  }

  /** A closed user's request ended at {@code end}: it thinks, then sends its next one, within its phase. */
  private void nextForUser(int phaseIndex, int user, long end) {
    if (schedulingDone || phaseIndex != phase || thinkNanos < 0) {
      return;
    }
    long next = end + thinkNanos;
    if (next >= phaseEndNanos) {
      return;
    }
    if (thinkNanos == 0) {
      dispatch(next, phaseIndex, end, user);
    } else {
      thread.schedule(() -> {
        if (!schedulingDone && phaseIndex == phase) {
          dispatch(next, phaseIndex, clock.nanoTime(), user);
        }
      }, thinkNanos);
    }
  }

  private int pickRequest() {
    if (cumulativeWeights.length == 1) {
      return 0;
    }
    int r = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
    for (int i = 0; i < cumulativeWeights.length; i++) {
      if (r < cumulativeWeights[i]) {
        return i;
      }
    }
    throw new AssertionError();
  }

  /** {@code now}: a clock reading taken after this loop's last write (see {@link Transport#submit}). */
  private void dispatch(long intendedNanos, int phaseIndex, long now, int user) {
    int name = pickRequest();
    book.recordLag(share, phaseIndex, now - intendedNanos);
    book.inFlight(share, 1);
    transport.submit(phaseIndex, name, user, intendedNanos, now);
  }

  @Override
  public long complete(int phaseIndex, int name, int user, long intendedNanos, long sentNanos, ErrorKind error) {
    long end = complete(phaseIndex, name, intendedNanos, sentNanos, error);
    if (user >= 0) {
      nextForUser(phaseIndex, user, end);
    } else {
      dispatchDueArrivals(end);
    }
    return end;
  }

  private long complete(int phaseIndex, int name, long intendedNanos, long sentNanos, ErrorKind error) {
    long end = clock.nanoTime();
    long serviceNanos = sentNanos < 0 ? -1 : end - sentNanos;
    if (error == null) {
      book.recordSuccess(share, phaseIndex, name, end - intendedNanos, serviceNanos);
    } else {
      book.recordError(share, phaseIndex, name, end - intendedNanos, serviceNanos, error);
    }
    book.inFlight(share, -1);
    return end;
  }
}
