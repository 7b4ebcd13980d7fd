package io.perftwin.scenarios.capacity;

import io.perftwin.loadgen.ClosedUsers;
import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.LoadDefaults;
import io.perftwin.loadgen.LoadEngines;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.LoadShape;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.RunObserver;
import io.perftwin.loadgen.results.LatencyLogWriter;
import io.perftwin.loadgen.results.MeasuredRun;
import io.perftwin.reports.capacity.Trial;
import io.perftwin.reports.capacity.TrialJudge;
import io.perftwin.reports.capacity.TrialRunner;
import io.perftwin.scenarios.LoadSpec;
import io.perftwin.scenarios.Scenario;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs real trials against a {@link TrialTarget} with the Vert.x engine: the scenario's request
 * mix, connections (times the replicas) and schedule-lag limit, one warm-up phase and one measured
 * phase at the trial's load, judged by {@link TrialJudge} on the scenario's objectives.
 */
final class LiveTrialRunner implements TrialRunner {
  private final Scenario scenario;
  private final TrialTarget target;
  private final TrialSettings settings;
  private final int connections;
  private final long seed;
  private final RunControl control;
  private final PrintStream out;
  private final String label;
  private int trials;

  LiveTrialRunner(Scenario scenario, TrialTarget target, TrialSettings settings, int replicas, long seed,
      RunControl control, PrintStream out) {
    this.scenario = scenario;
    this.target = target;
    this.settings = settings;
    this.connections = scenario.load().connections() * replicas;
    this.seed = seed;
    this.control = control;
    this.out = out;
    this.label = replicas == 1 ? "" : "[" + replicas + " replicas] ";
  }

  /**
   * A trial whose result is thrown away, run before the first judged one: the JIT compiles the
   * generator's and the demo service's hot paths and the connections are opened, so that the
   * first judged trial does not pay for it.
   */
  void prime(double ratePerSecond) {
    run(ratePerSecond, true, new ConstantRate(ratePerSecond), connections, "priming (not judged)");
    trials--;
  }

  @Override
  public Trial atRate(double ratePerSecond) {
    return run(ratePerSecond, true, new ConstantRate(ratePerSecond), connections, null);
  }

  @Override
  public Trial withUsers(int users) {
    return run(users, false, new ClosedUsers(users, Duration.ZERO), Math.max(connections, users), null);
  }

  private Trial run(double level, boolean open, LoadShape shape, int conns, String note) {
    if (control.isStopRequested()) {
      throw new StudyInterrupted(control.stopReason());
    }
    try {
      if (!target.awaitIdle(TrialSettings.MAX_IDLE_WAIT)) {
        out.println("  note: the target still had queued requests after " + TrialSettings.MAX_IDLE_WAIT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StudyInterrupted("interrupted");
    }
    LoadSpec l = scenario.load();
    List<Phase> phases = new ArrayList<>();
    if (!settings.warmup().isZero()) {
      phases.add(new Phase("warmup", settings.warmup(), shape, true));
    }
    phases.add(new Phase("trial", settings.measured(), shape, false));
    Duration timeout = l.timeout().compareTo(TrialSettings.MAX_REQUEST_TIMEOUT) > 0 ? TrialSettings.MAX_REQUEST_TIMEOUT : l.timeout();
    LoadPlan plan = new LoadPlan(target.uri(), conns, LoadDefaults.eventLoops(conns), phases, l.requests(),
        seed + trials, timeout, l.maxScheduleLag(), l.feeders(), l.protocol());
    trials++;
    MeasuredRun run = LoadEngines.vertx().run(plan, RunObserver.NONE, LatencyLogWriter.discarding(), control);
    if (control.isStopRequested()) {
      throw new StudyInterrupted(control.stopReason());
    }
    Trial t = TrialJudge.judge(level, open, run, scenario.slos(), l.maxScheduleLag());
    out.println(String.format(Locale.ROOT, "  %strial %d: %s %-9s achieved %8.1f/s  p99 %8.2f ms  lag p99 %6.2f ms  → %s%s",
        label + (note == null ? "" : note + " "), trials, open ? "rate " : "users", open ? String.format(Locale.ROOT, "%.1f/s", level) : String.valueOf((int) level),
        t.achievedRate(), t.latencyP99Ms(), t.scheduleLagP99Ms(), t.outcome().key(),
        t.reasons().isEmpty() ? "" : " (" + String.join("; ", t.reasons()) + ")"));
    return t;
  }

  /** The study was asked to stop (signal); the trials run so far are kept. */
  static final class StudyInterrupted extends RuntimeException {
    StudyInterrupted(String reason) {
      super(reason);
    }
  }
}
