package io.perftwin.scenarios.run;

import java.nio.file.Path;

/**
 * How a run ended.
 *
 * @param exitCode the exit code of {@code twin run}
 * @param runDir the run folder, or null if none was created
 * @param message one line saying what happened
 */
public record RunOutcome(int exitCode, Path runDir, String message) {}
