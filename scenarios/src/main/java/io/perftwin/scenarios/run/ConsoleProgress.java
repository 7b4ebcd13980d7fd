package io.perftwin.scenarios.run;

import io.perftwin.loadgen.Formats;
import io.perftwin.loadgen.IntervalSnapshot;
import io.perftwin.loadgen.RunObserver;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress line while a run is under way. On a terminal it rewrites one line every second;
 * elsewhere (CI logs) it prints a line every {@code everySeconds} seconds.
 */
final class ConsoleProgress implements RunObserver {
  private final PrintStream out;
  private final boolean terminal;
  private final int everySeconds;
  private int intervals;
  private boolean lineOpen;

  ConsoleProgress(PrintStream out, boolean terminal, int everySeconds) {
    this.out = out;
    this.terminal = terminal;
    this.everySeconds = everySeconds;
  }

  @Override
  public void onInterval(IntervalSnapshot s) {
    intervals++;
    String line = format(s);
    if (terminal) {
      out.print("\r" + line + "\u001b[K");
      lineOpen = true;
    } else if (intervals % everySeconds == 0) {
      out.println(line);
    }
    out.flush();
  }

  /** Ends the rewritten line, if any. */
  void finish() {
    if (lineOpen) {
      out.println();
      lineOpen = false;
    }
  }

  static String format(IntervalSnapshot s) {
    String p99 = Double.isNaN(s.p99Millis()) ? "-" : Formats.fixed(s.p99Millis(), 2) + " ms";
    return String.format(Locale.ROOT, "%6.1fs  %-10s %8.1f req/s  ok %-9d err %-7d p99 %-11s in-flight %d",
        s.elapsedSeconds(), s.phase(), s.ratePerSecond(), s.totalCompleted() - s.totalErrors(),
        s.totalErrors(), p99, s.inFlight());
  }
}
