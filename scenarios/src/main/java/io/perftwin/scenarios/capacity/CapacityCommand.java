package io.perftwin.scenarios.capacity;

import io.perftwin.loadgen.Units;
import io.perftwin.reports.capacity.SearchSettings;
import io.perftwin.reports.capacity.Sweep;
import io.perftwin.scenarios.ExitCodes;
import io.perftwin.scenarios.Overrides;
import io.perftwin.scenarios.Scenario;
import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioParser;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code twin capacity}: the highest rate that meets the scenario's SLOs, a sweep with knee and
 * USL fit, and a scale-out study over replicas. See docs/capacity.md.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
    description = "Capacity study: search the highest rate that meets the SLOs; sweep, knee and USL fit; scale-out over replicas.")
public final class CapacityCommand implements Callable<Integer> {
  /** Step of the search unless {@code --step} is given: this fraction of the range. */
  static final double DEFAULT_STEP_FRACTION = 1.0 / 8;
  /** For the demo service without {@code --min-rate}/{@code --max-rate}: these multiples of its analytic capacity. */
  static final double DEMO_MIN_FACTOR = 0.25;
  static final double DEMO_MAX_FACTOR = 1.5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "the scenario file; its slo: judges every trial")
  Path scenarioFile;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
      description = "folder in which the study folder <UTC time>-<scenario>-capacity is created (default: ${DEFAULT-VALUE})")
  Path runsRoot;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override one setting of the scenario, as for twin run")
  List<String> sets = new ArrayList<>();

  @Option(names = "--min-rate", paramLabel = "R",
      description = "first rate of the search, e.g. 100/s (default for the demo service: "
          + "a quarter of its capacity workers/mean service time)")
  String minRate;

  @Option(names = "--max-rate", paramLabel = "R",
      description = "highest rate of the search (default for the demo service: 1.5 × its capacity)")
  String maxRate;

  @Option(names = "--step", paramLabel = "R", description = "rate added after each passing trial while stepping up (default: an eighth of the range)")
  String step;

  @Option(names = "--precision", paramLabel = "P", defaultValue = "2%",
      description = "stop bisecting when the failing rate is within P of the passing one (default: ${DEFAULT-VALUE})")
  String precision;

  @Option(names = "--warmup", paramLabel = "D", defaultValue = "2s", description = "warm-up of each trial (default: ${DEFAULT-VALUE})")
  String warmup;

  @Option(names = "--trial-duration", paramLabel = "D", defaultValue = "5s",
      description = "measured time of each trial (default: ${DEFAULT-VALUE})")
  String trialDuration;

  @Option(names = "--sweep", paramLabel = "rates|users", description = "also sweep these levels: offered rates (open model) or users (closed model)")
  String sweep;

  @Option(names = "--levels", paramLabel = "L,L,…", split = ",", description = "the sweep's levels, e.g. 1,2,4,8,16 (users) or 500/s,1000/s (rates)")
  List<String> levels = new ArrayList<>();

  @Option(names = "--no-search", description = "skip the search (sweep only)")
  boolean noSearch;

  @Option(names = "--replicas", paramLabel = "N,N,…", split = ",", defaultValue = "1",
      description = "replica counts of the demo service; more than one runs the search at each and fits the USL over replicas (e.g. 1,2,4)")
  List<Integer> replicas = new ArrayList<>();

  @Option(names = "--predict", paramLabel = "N,N,…", split = ",", defaultValue = "8,16",
      description = "replica counts at which a scale-out study predicts the capacity (default: ${DEFAULT-VALUE})")
  List<Integer> predict = new ArrayList<>();

  @Override
  public Integer call() {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Scenario scenario;
    try {
      scenario = ScenarioParser.parse(scenarioFile, new Overrides(sets, null, null));
    } catch (ScenarioException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    CapacityOptions options;
    try {
      options = options(scenario);
      CapacityStudyRunner.check(scenario, options);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("twin capacity: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    StudyOutcome outcome = new CapacityStudyRunner(Clock.systemUTC(), out).run(scenario, options);
    if (outcome.exitCode() == ExitCodes.PASS) {
      out.println(outcome.message());
    } else {
      spec.commandLine().getErr().println("twin capacity: " + outcome.message());
    }
    return outcome.exitCode();
  }

  /** The options, checked; bad values throw naming the option. */
  CapacityOptions options(Scenario scenario) {
    SearchSettings search = null;
    if (!noSearch) {
      double min;
      double max;
      if (scenario.target().isDemo()) {
        double c = scenario.target().demo().capacityPerSecond();
        min = minRate == null ? Math.max(1, Math.floor(c * DEMO_MIN_FACTOR)) : rate("--min-rate", minRate);
        max = maxRate == null ? Math.ceil(c * DEMO_MAX_FACTOR) : rate("--max-rate", maxRate);
      } else {
        if (minRate == null || maxRate == null) {
          throw new IllegalArgumentException("--min-rate and --max-rate are required when the target is a URL "
              + "(only the demo service has a known capacity to start from)");
        }
        min = rate("--min-rate", minRate);
        max = rate("--max-rate", maxRate);
      }
      if (!(min < max)) {
        throw new IllegalArgumentException("--min-rate (" + io.perftwin.loadgen.Formats.number(min) + "/s) must be below --max-rate ("
            + io.perftwin.loadgen.Formats.number(max) + "/s)");
      }
      double st = step == null ? (max - min) * DEFAULT_STEP_FRACTION : rate("--step", step);
      search = new SearchSettings(min, max, st, percent("--precision", precision));
    }
    Sweep.Mode mode = null;
    List<Double> parsedLevels = new ArrayList<>();
    if (sweep != null) {
      mode = switch (sweep) {
        case "rates" -> Sweep.Mode.RATES;
        case "users" -> Sweep.Mode.USERS;
        default -> throw new IllegalArgumentException("--sweep must be 'rates' or 'users', got '" + sweep + "'");
      };
      if (levels.isEmpty()) {
        throw new IllegalArgumentException("--sweep " + sweep + " needs --levels, e.g. --levels "
            + (mode == Sweep.Mode.USERS ? "1,2,4,8,16,32" : "500/s,1000/s,1500/s"));
      }
      for (String l : levels) {
        parsedLevels.add(mode == Sweep.Mode.RATES ? rate("--levels", l) : users(l));
      }
    } else if (!levels.isEmpty()) {
      throw new IllegalArgumentException("--levels needs --sweep rates|users");
    }
    TrialSettings trial = new TrialSettings(duration("--warmup", warmup), duration("--trial-duration", trialDuration));
    return new CapacityOptions(runsRoot, search, trial, mode, parsedLevels, replicas, predict);
  }

  private static double rate(String option, String text) {
    String t = text.strip();
    try {
      double r = t.matches("[0-9.]+") ? Double.parseDouble(t) : Units.ratePerSecond(t);
      if (!(r > 0) || Double.isInfinite(r)) {
        throw new IllegalArgumentException(option + " must be a rate above 0/s, got '" + text + "'");
      }
      return r;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be " + Units.RATE_HELP + ", got '" + text + "'");
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(option)) {
        throw e;
      }
      throw new IllegalArgumentException(option + " must be " + Units.RATE_HELP + ", got '" + text + "'");
    }
  }

  private static double users(String text) {
    try {
      int u = Integer.parseInt(text.strip());
      if (u < 1) {
        throw new NumberFormatException();
      }
      return u;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--levels of a users sweep must be whole numbers >= 1, got '" + text + "'");
    }
  }

  private static Duration duration(String option, String text) {
    try {
      return Units.duration(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " must be " + Units.DURATION_HELP + ", got '" + text + "'");
    }
  }

  private static double percent(String option, String text) {
    try {
      return Units.percentRatio(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " must be " + Units.PERCENT_HELP + ", got '" + text + "'");
    }
  }
}
