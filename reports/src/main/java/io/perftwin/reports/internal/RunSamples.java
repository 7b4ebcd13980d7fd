package io.perftwin.reports.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measured intervals of a run, per request name and for all together, as the comparison
 * resamples them.
 *
 * @param byName per request name, in run order
 * @param all every request name together
 */
public record RunSamples(Map<String, BlockedSamples> byName, BlockedSamples all) {
  public RunSamples {
    byName = new LinkedHashMap<>(byName);
  }

  public static RunSamples of(LatencyLog log) {
    Map<String, BlockedSamples> byName = new LinkedHashMap<>();
    for (String name : log.measuredNames()) {
      byName.put(name, log.samples(name));
    }
    return new RunSamples(byName, log.allSamples());
  }
}
