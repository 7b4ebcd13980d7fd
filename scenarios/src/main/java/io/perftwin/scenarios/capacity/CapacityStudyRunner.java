package io.perftwin.scenarios.capacity;

import io.perftwin.loadgen.LoadDefaults;
import io.perftwin.loadgen.RunControl;
import io.perftwin.reports.capacity.CapacityReport;
import io.perftwin.reports.capacity.CapacitySearch;
import io.perftwin.reports.capacity.CapacityStudy;
import io.perftwin.reports.capacity.ScaleOut;
import io.perftwin.reports.capacity.SearchResult;
import io.perftwin.reports.capacity.SearchSettings;
import io.perftwin.reports.capacity.Sweep;
import io.perftwin.reports.capacity.TrialJudge;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ToolVersion;
import io.perftwin.scenarios.run.RunFolders;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a capacity study: the search (at each replica count), the sweep, the scale-out fit, and
 * writes the study folder. Everything it starts (demo services, balancer) is stopped on every path.
 */
public final class CapacityStudyRunner {
  private static final long SIGNAL_WAIT_SECONDS = 30;

  private final Clock clock;
  private final PrintStream out;

  public CapacityStudyRunner(Clock clock, PrintStream out) {
    this.clock = clock;
    this.out = out;
  }

  /**
   * Checks that the scenario can be studied with these options, before anything runs or is
   * written.
   *
   * @throws IllegalArgumentException naming the field or option and what is allowed
   */
  public static void check(Scenario scenario, CapacityOptions options) {
    if (scenario.slos().isEmpty()) {
      throw new IllegalArgumentException("scenario '" + scenario.name() + "' has no SLOs (slo:): a capacity study "
          + "searches the highest rate that meets them; add at least one latency or error objective, e.g. slo: [p99 < 50ms]");
    }
    if (TrialJudge.applicable(scenario.slos()).isEmpty()) {
      throw new IllegalArgumentException("scenario '" + scenario.name() + "' has only throughput objectives (slo:): a "
          + "capacity study needs a latency or error objective to judge trials by, e.g. p99 < 50ms");
    }
    boolean scaleOut = options.replicas().size() > 1 || options.replicas().get(0) > 1;
    if (scaleOut && !scenario.target().isDemo()) {
      throw new IllegalArgumentException("--replicas: only the built-in demo service (target.service: demo) can be "
          + "replicated; scenario '" + scenario.name() + "' targets " + scenario.target().url());
    }
  }

  public StudyOutcome run(Scenario scenario, CapacityOptions options) {
    check(scenario, options);
    if (!scenario.network().isEmpty()) {
      return new StudyOutcome(ExitCodes.INVALID, null, "environment failed: no shaping backend is available yet for "
          + String.join(", ", scenario.network().knobsSet()) + "; remove the 'network' section to study without it", null);
    }
    RunControl control = new RunControl();
    CountDownLatch written = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      control.requestStop("signal received (Ctrl-C or SIGTERM)");
      try {
        written.await(SIGNAL_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(ExitCodes.INVALID);
    }, "twin-capacity-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return runInside(scenario, options, control);
    } finally {
      written.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook exits with code 3 now that the results are written
      }
    }
  }

  private StudyOutcome runInside(Scenario scenario, CapacityOptions options, RunControl control) {
    long seed = scenario.seed() != null ? scenario.seed() : new SecureRandom().nextLong();
    Instant start = clock.instant();
    Path dir = RunFolders.create(options.runsRoot(), start, scenario.name() + "-capacity");
    out.println("perftwin " + ToolVersion.get() + ": capacity study of " + scenario.name() + " (seed " + seed + ")");
    out.println("results: " + dir);
    Map<String, Object> environment = new LinkedHashMap<>();
    List<Integer> replicas = options.replicas();
    SearchResult firstSearch = null;
    Sweep sweep = null;
    List<SearchResult> searches = new ArrayList<>();
    String failure = null;
    try {
      for (int i = 0; i < replicas.size(); i++) {
        int r = replicas.get(i);
        try (TrialTarget target = TrialTarget.start(scenario.target(), r, seed)) {
          if (i == 0) {
            environment.putAll(target.describe());
            environment.put("cores", Runtime.getRuntime().availableProcessors());
            environment.put("connections", scenario.load().connections() + " per replica");
            environment.put("eventLoops", LoadDefaults.eventLoops(scenario.load().connections() * r));
          }
          LiveTrialRunner runner = new LiveTrialRunner(scenario, target, options.trial(), r, seed, control, out);
          runner.prime(options.search() != null ? scaled(options.search(), r).minRate() : firstRate(options));
          if (options.search() != null) {
            SearchSettings s = scaled(options.search(), r);
            out.println("search at " + r + (r == 1 ? " replica" : " replicas") + ": " + fmt(s.minRate()) + " … "
                + fmt(s.maxRate()) + ", step " + fmt(s.step()));
            SearchResult result = CapacitySearch.run(s, runner);
            searches.add(result);
            if (i == 0) {
              firstSearch = result;
            }
            out.println("  → " + describe(result));
          }
          if (i == 0 && options.sweepMode() != null) {
            out.println("sweep of " + options.sweepMode().key() + ": " + options.levels());
            sweep = Sweep.run(options.sweepMode(), options.levels(), runner);
          }
        }
      }
    } catch (LiveTrialRunner.StudyInterrupted e) {
      failure = "interrupted: " + e.getMessage();
    } catch (RuntimeException e) {
      failure = "environment failed: " + e;
    }
    ScaleOut scaleOut = null;
    if (replicas.size() > 1 && searches.size() == replicas.size()) {
      scaleOut = ScaleOut.analyse(replicas, searches, options.predictAt());
    }
    double analytic = scenario.target().isDemo() ? scenario.target().demo().capacityPerSecond() * replicas.get(0) : Double.NaN;
    Instant end = clock.instant();
    CapacityStudy study = new CapacityStudy(scenario.name(), dir.getFileName().toString(), start, end, options.search(),
        options.trial().warmup().toMillis() / 1000.0, options.trial().measured().toMillis() / 1000.0, environment,
        analytic, firstSearch, sweep, scaleOut);
    if (failure != null) {
      writeString(dir.resolve("error.txt"), failure + "\n");
    }
    try {
      CapacityReport.write(dir, study, scenario.slos());
    } catch (RuntimeException e) {
      writeString(dir.resolve("error.txt"), (failure == null ? "" : failure + "\n") + "report failed: " + e + "\n");
      return new StudyOutcome(ExitCodes.INVALID, dir, "capacity report failed: " + e.getMessage(), study);
    }
    out.println("report: " + dir.resolve(CapacityReport.CAPACITY_HTML));
    if (failure != null) {
      return new StudyOutcome(ExitCodes.INVALID, dir, failure, study);
    }
    String headline = CapacityReport.headline(study);
    if (scaleOut != null && scaleOut.usl() != null) {
      StringBuilder p = new StringBuilder();
      for (ScaleOut.Prediction pr : scaleOut.predictions()) {
        p.append(String.format(java.util.Locale.ROOT, "; %d replicas → %.0f/s", pr.replicas(), pr.capacity()));
      }
      headline += p;
    }
    int code = study.generatorBound() || study.invalid() ? ExitCodes.INVALID : ExitCodes.PASS;
    return new StudyOutcome(code, dir, headline, study);
  }

  /** The rate of a priming trial before a sweep alone: its first rate, or a modest one before users. */
  private static double firstRate(CapacityOptions options) {
    return options.sweepMode() == Sweep.Mode.RATES ? options.levels().get(0) : 100;
  }

  /** The search range of one replica, times {@code replicas}. */
  static SearchSettings scaled(SearchSettings s, int replicas) {
    return replicas == 1 ? s
        : new SearchSettings(s.minRate() * replicas, s.maxRate() * replicas, s.step() * replicas, s.precision());
  }

  private static String describe(SearchResult r) {
    return switch (r.status()) {
      case FOUND -> "capacity " + fmt(r.capacity()) + " (passes), " + fmt(r.firstFail().level()) + " fails";
      case BELOW_MIN -> "below the minimum rate: " + fmt(r.firstFail().level()) + " fails";
      case AT_LEAST_MAX -> "at least the maximum rate: " + fmt(r.lastPass().level()) + " passes";
      case GENERATOR_BOUND -> "generator-bound at " + fmt(r.firstFail().level()) + ": no capacity figure";
      case INVALID -> "invalid trial at " + fmt(r.firstFail().level()) + ": " + String.join("; ", r.firstFail().reasons());
    };
  }

  private static String fmt(double rate) {
    return String.format(java.util.Locale.ROOT, "%.1f/s", rate);
  }

  private static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
