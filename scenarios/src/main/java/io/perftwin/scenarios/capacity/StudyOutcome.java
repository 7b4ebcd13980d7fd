package io.perftwin.scenarios.capacity;

import io.perftwin.reports.capacity.CapacityStudy;
import java.nio.file.Path;

/**
 * How a capacity study ended.
 *
 * @param exitCode 0 study done, 3 generator-bound or invalid (results written)
 * @param studyDir the study folder, or null if none was created
 * @param message one line saying what was found
 * @param study the study, or null if it did not get as far as a trial
 */
public record StudyOutcome(int exitCode, Path studyDir, String message, CapacityStudy study) {}
