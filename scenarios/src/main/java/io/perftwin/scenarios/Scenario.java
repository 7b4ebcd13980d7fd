package io.perftwin.scenarios;

import io.perftwin.reports.Slo;
import io.perftwin.shaping.NetworkProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed, validated scenario file. Immutable; every default resolved.
 *
 * @param name scenario name ({@code [A-Za-z0-9_.-]+}), used in run folder names
 * @param file the file it was read from
 * @param sha256 SHA-256 of the file's bytes, hex
 * @param target what load is sent to
 * @param network network conditions; {@link NetworkProfile#NONE} when the file has none
 * @param load the workload
 * @param slos objectives, in file order
 * @param seed seed of random choices, or {@code null} to draw one per run (recorded in run.json)
 * @param resolved the resolved settings as a plain tree, for run.json
 * @param environment where the run places generator and target
 */
public record Scenario(
    String name,
    Path file,
    String sha256,
    Target target,
    NetworkProfile network,
    LoadSpec load,
    List<Slo> slos,
    Long seed,
    Map<String, Object> resolved,
    EnvironmentSpec environment) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(load, "load");
    slos = List.copyOf(slos);
    Objects.requireNonNull(environment, "environment");
  }

  /** A scenario in the default environment. */
  public Scenario(String name, Path file, String sha256, Target target, NetworkProfile network, LoadSpec load,
      List<Slo> slos, Long seed, Map<String, Object> resolved) {
    this(name, file, sha256, target, network, load, slos, seed, resolved, EnvironmentSpec.DEFAULT);
  }
}
