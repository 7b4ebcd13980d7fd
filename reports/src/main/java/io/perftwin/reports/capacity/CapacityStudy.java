package io.perftwin.reports.capacity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a capacity study found; the input of {@link CapacityReport}.
 *
 * @param scenario scenario name
 * @param studyId the study folder's name
 * @param start wall-clock start
 * @param end wall-clock end
 * @param settings the search bounds (per replica), or null when the study did not search
 * @param trialWarmupSeconds warm-up of each trial
 * @param trialSeconds measured time of each trial
 * @param environment what the target was (demo service configuration, replicas, balancer)
 * @param analyticCapacity the target's capacity known from its configuration (demo service:
 *     workers / mean service time), NaN when unknown
 * @param search the search at one replica; null when the study only swept
 * @param sweep the sweep, or null
 * @param scaleOut the scale-out study, or null
 */
public record CapacityStudy(
    String scenario,
    String studyId,
    Instant start,
    Instant end,
    SearchSettings settings,
    double trialWarmupSeconds,
    double trialSeconds,
    Map<String, Object> environment,
    double analyticCapacity,
    SearchResult search,
    Sweep sweep,
    ScaleOut scaleOut) {

  public CapacityStudy {
    Objects.requireNonNull(scenario, "scenario");
    environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
  }

  /** Whether some search could not be concluded because of the generator. */
  public boolean generatorBound() {
    if (search != null && search.status() == SearchResult.Status.GENERATOR_BOUND) {
      return true;
    }
    return scaleOut != null && scaleOut.searches().stream().anyMatch(s -> s.status() == SearchResult.Status.GENERATOR_BOUND);
  }

  /** Whether some search ended on an invalid trial (other than generator-bound). */
  public boolean invalid() {
    if (search != null && search.status() == SearchResult.Status.INVALID) {
      return true;
    }
    return scaleOut != null && scaleOut.searches().stream().anyMatch(s -> s.status() == SearchResult.Status.INVALID);
  }

  /** Study length in seconds. */
  public double durationSeconds() {
    return (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
  }
}
