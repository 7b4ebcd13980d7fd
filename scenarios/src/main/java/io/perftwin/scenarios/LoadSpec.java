package io.perftwin.scenarios;

import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import java.time.Duration;
import java.util.List;

/**
 * The {@code load:} section, defaults resolved.
 *
 * @param engine {@code vertx} (the only engine so far)
 * @param connections HTTP connections
 * @param phases phases in order
 * @param requests weighted request mix
 * @param timeout request timeout
 * @param maxScheduleLag schedule-lag p99 above which the run is invalid
 */
public record LoadSpec(
    String engine,
    int connections,
    List<Phase> phases,
    List<RequestTemplate> requests,
    Duration timeout,
    Duration maxScheduleLag) {

  public LoadSpec {
    phases = List.copyOf(phases);
    requests = List.copyOf(requests);
  }
}
