package io.perftwin.scenarios;

import io.perftwin.loadgen.Feeder;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.Protocol;
import io.perftwin.loadgen.RequestTemplate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code load:} section, defaults resolved.
 *
 * @param engine {@code vertx} (the only engine so far)
 * @param connections HTTP connections
 * @param phases phases in order
 * @param requests weighted request mix
 * @param timeout request timeout
 * @param maxScheduleLag schedule-lag p99 above which the run is invalid
 * @param protocol HTTP protocol spoken to the target
 * @param feeders test data for the requests' {@code ${variables}}, in file order
 * @param feederFiles for each feeder read from a CSV file, its name → the path as the scenario
 *     file writes it (relative to the scenario file), for the resolved settings; inline feeders
 *     are absent
 * @param simulation with {@code engine: gatling}: the Gatling simulation class to run, or null for
 *     the scenario's own phases and requests through a generic simulation
 * @param simulationSources folder of {@code .java} simulation sources compiled before the run, or null
 */
public record LoadSpec(
    String engine,
    int connections,
    List<Phase> phases,
    List<RequestTemplate> requests,
    Duration timeout,
    Duration maxScheduleLag,
    Protocol protocol,
    List<Feeder> feeders,
    Map<String, String> feederFiles,
    String simulation,
    java.nio.file.Path simulationSources) {

  public LoadSpec {
    phases = List.copyOf(phases);
    requests = List.copyOf(requests);
    Objects.requireNonNull(protocol, "protocol");
    feeders = List.copyOf(feeders);
    feederFiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(feederFiles));
  }

  /** A load section with phases and requests of its own. */
  public LoadSpec(String engine, int connections, List<Phase> phases, List<RequestTemplate> requests, Duration timeout,
      Duration maxScheduleLag, Protocol protocol, List<Feeder> feeders, Map<String, String> feederFiles) {
    this(engine, connections, phases, requests, timeout, maxScheduleLag, protocol, feeders, feederFiles, null, null);
  }

  /** A load section without feeders, over HTTP/1.1. */
  public LoadSpec(String engine, int connections, List<Phase> phases, List<RequestTemplate> requests,
      Duration timeout, Duration maxScheduleLag) {
    this(engine, connections, phases, requests, timeout, maxScheduleLag, Protocol.HTTP1, List.of(), Map.of());
  }
}
