package io.perftwin.loadgen.results;

import java.util.List;
import java.util.Map;

/**
 * {@code run.json}: how a run was made. Written by the runner before load starts (so a crashed
 * run still says what it was) and rewritten at the end with {@code endTime} and {@code outcome}.
 *
 * @param runId folder name of the run, {@code <UTC time>-<scenario>}
 * @param scenario scenario name
 * @param scenarioFile path of the scenario file as given
 * @param scenarioSha256 SHA-256 of the scenario file's bytes
 * @param settings the resolved settings (every default filled in, overrides applied)
 * @param overrides the {@code --set}, {@code --rate}, {@code --duration} overrides given
 * @param seed seed of every random choice
 * @param toolVersion perftwin version
 * @param jdk java.vendor and java.version of the runner
 * @param host host name
 * @param startTime ISO-8601 UTC start of the first phase
 * @param endTime ISO-8601 UTC end, or null while running
 * @param engine load engine, e.g. {@code vertx}
 * @param environment what the target and generator ran on
 * @param shaping the shaping backend used for each network knob, and what could not be applied
 * @param phases phases with their offsets in seconds from start
 * @param outcome {@code running}, {@code completed}, {@code interrupted} or {@code failed: …}
 */
public record RunManifest(
    String runId,
    String scenario,
    String scenarioFile,
    String scenarioSha256,
    Map<String, Object> settings,
    List<String> overrides,
    long seed,
    String toolVersion,
    String jdk,
    String host,
    String startTime,
    String endTime,
    String engine,
    Map<String, Object> environment,
    Map<String, Object> shaping,
    List<PhaseWindow> phases,
    String outcome) {

  /** A phase and where it sits in the run. */
  public record PhaseWindow(String name, double startSeconds, double endSeconds, boolean warmup, String load) {}

  public RunManifest withEnd(String endTime, String outcome) {
    return new RunManifest(runId, scenario, scenarioFile, scenarioSha256, settings, overrides, seed,
        toolVersion, jdk, host, startTime, endTime, engine, environment, shaping, phases, outcome);
  }

  public RunManifest withEnvironment(Map<String, Object> environment) {
    return new RunManifest(runId, scenario, scenarioFile, scenarioSha256, settings, overrides, seed,
        toolVersion, jdk, host, startTime, endTime, engine, environment, shaping, phases, outcome);
  }

  public RunManifest withRunId(String runId) {
    return new RunManifest(runId, scenario, scenarioFile, scenarioSha256, settings, overrides, seed,
        toolVersion, jdk, host, startTime, endTime, engine, environment, shaping, phases, outcome);
  }

  public RunManifest withStart(String startTime) {
    return new RunManifest(runId, scenario, scenarioFile, scenarioSha256, settings, overrides, seed,
        toolVersion, jdk, host, startTime, endTime, engine, environment, shaping, phases, outcome);
  }
}
