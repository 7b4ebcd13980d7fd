package io.perftwin.loadgen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.perftwin.loadgen.NanoClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's own event loop on a real epoll set: timers, cross-thread tasks, shutdown. */
class EpollLoopTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @BeforeEach
  void needsEpoll() {
    assumeTrue(EpollSet.unavailable() == null, () -> "skipped: native epoll unavailable: " + EpollSet.unavailable());
  }

  @Test
  void timersFireInDeadlineOrderAndAMovedOrCancelledTimerKeepsItsNewState() throws Exception {
    EpollLoop loop = new EpollLoop("test-loop", NanoClock.SYSTEM);
    List<String> fired = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> last = new CompletableFuture<>();
    loop.execute(() -> {
      EpollLoop.Timer moved = loop.timer(() -> fired.add("moved"));
      EpollLoop.Timer cancelled = loop.timer(() -> fired.add("cancelled"));
      loop.schedule(() -> fired.add("30ms"), TimeUnit.MILLISECONDS.toNanos(30));
      loop.schedule(() -> fired.add("10ms"), TimeUnit.MILLISECONDS.toNanos(10));
      moved.arm(TimeUnit.MILLISECONDS.toNanos(5));
      moved.arm(TimeUnit.MILLISECONDS.toNanos(20)); // moves it, does not add a second firing
      cancelled.arm(TimeUnit.MILLISECONDS.toNanos(15));
      cancelled.cancel();
      loop.schedule(() -> last.complete(null), TimeUnit.MILLISECONDS.toNanos(40));
    });
    last.get(5, TimeUnit.SECONDS);
    assertEquals(List.of("10ms", "moved", "30ms"), fired);
    assertTrue(loop.shutdown(() -> {}, 5 * SECOND));
    assertNull(loop.firstFailure());
  }

  @Test
  void aTimerDoesNotFireBeforeItsDeadline() throws Exception {
    EpollLoop loop = new EpollLoop("test-loop", NanoClock.SYSTEM);
    CompletableFuture<Long> firedAfter = new CompletableFuture<>();
    long delay = TimeUnit.MILLISECONDS.toNanos(50);
    loop.execute(() -> {
      long armed = System.nanoTime();
      loop.schedule(() -> firedAfter.complete(System.nanoTime() - armed), delay);
    });
    assertTrue(firedAfter.get(5, TimeUnit.SECONDS) >= delay, "fired early");
    loop.shutdown(() -> {}, 5 * SECOND);
  }

  @Test
  void aParkedLoopStillRunsItsTimersWithNoIo() throws Exception {
    // Parked (its transport busy), the loop waits with no timeout; with no I/O at all, only the
    // watchdog can get the timer run.
    EpollLoop loop = new EpollLoop("test-loop", NanoClock.SYSTEM);
    CompletableFuture<Long> firedAfter = new CompletableFuture<>();
    long delay = TimeUnit.MILLISECONDS.toNanos(5);
    loop.execute(() -> {
      loop.parkWhileBusy(true);
      long armed = System.nanoTime();
      loop.schedule(() -> firedAfter.complete(System.nanoTime() - armed), delay);
    });
    assertTrue(firedAfter.get(5, TimeUnit.SECONDS) >= delay, "fired early");
    assertTrue(loop.shutdown(() -> {}, 5 * SECOND));
    assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("test-loop-watchdog") && t.isAlive()),
        "the watchdog outlived its loop");
  }

  @Test
  void aTaskFromAnotherThreadWakesALoopWaitingWithNoTimer() throws Exception {
    EpollLoop loop = new EpollLoop("test-loop", NanoClock.SYSTEM);
    Thread.sleep(50); // the loop is now in an untimed wait: only the eventfd can wake it
    CompletableFuture<String> ranOn = new CompletableFuture<>();
    loop.execute(() -> ranOn.complete(Thread.currentThread().getName()));
    assertEquals("test-loop", ranOn.get(5, TimeUnit.SECONDS));
    loop.shutdown(() -> {}, 5 * SECOND);
  }

  @Test
  void aThrowingTaskIsReportedAndTheLoopGoesOn() throws Exception {
    EpollLoop loop = new EpollLoop("test-loop", NanoClock.SYSTEM);
    loop.execute(() -> {
      throw new IllegalStateException("boom");
    });
    CompletableFuture<Void> next = new CompletableFuture<>();
    loop.execute(() -> next.complete(null));
    next.get(5, TimeUnit.SECONDS);
    assertTrue(String.valueOf(loop.firstFailure()).contains("boom"), String.valueOf(loop.firstFailure()));
    loop.shutdown(() -> {}, 5 * SECOND);
  }

  @Test
  void shutdownRunsTheLastTaskStopsTheThreadAndClosesItsDescriptors() throws Exception {
    long before = openDescriptors();
    EpollLoop loop = new EpollLoop("test-loop-closing", NanoClock.SYSTEM);
    assertTrue(openDescriptors() > before, "the loop holds an epoll set, a timerfd and an eventfd");
    String[] lastRanOn = {null};
    assertTrue(loop.shutdown(() -> lastRanOn[0] = Thread.currentThread().getName(), 5 * SECOND));
    assertEquals("test-loop-closing", lastRanOn[0]);
    assertEquals(before, openDescriptors());
    assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("test-loop-closing") && t.isAlive()));
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
