package io.perftwin.infra.terraform;

import io.perftwin.infra.topology.Role;
import io.perftwin.infra.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a staging stack is synthesized from.
 *
 * @param scenarioName the scenario's {@code name:}; names the stack, the default namespace
 *     ({@code perftwin-<name>}) and labels; {@value #SCENARIO_NAME_PATTERN}
 * @param scenarioYaml the scenario file's text, carried verbatim by the ConfigMap the agents read
 * @param topology the nodes and links; checked with {@link Topology#problems()}
 * @param image the perftwin container image (runs {@code twin agent} and {@code twin
 *     demo-service}); the default of the {@code image} variable
 * @param backend where Terraform keeps state
 * @param seed the run's seed, given to every agent ({@code twin agent --seed}); the scenario's
 *     {@code seed:}, or one drawn by the caller (the stack is the same only for the same seed)
 */
public record StagingSpec(String scenarioName, String scenarioYaml, Topology topology, String image, Backend backend,
    long seed) {
  /** Scenario names usable in Kubernetes object names: DNS labels of at most 40 characters. */
  public static final String SCENARIO_NAME_PATTERN = "[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?";
  /** The image used when none is given. */
  public static final String DEFAULT_IMAGE = "ghcr.io/perftwin/perftwin:0.1.0";
  private static final Pattern NAME = Pattern.compile(SCENARIO_NAME_PATTERN);

  public StagingSpec {
    Objects.requireNonNull(scenarioName, "scenarioName");
    Objects.requireNonNull(scenarioYaml, "scenarioYaml");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(backend, "backend");
  }

  /** A spec with the default image and backend. */
  public static StagingSpec of(String scenarioName, String scenarioYaml, Topology topology, long seed) {
    return new StagingSpec(scenarioName, scenarioYaml, topology, DEFAULT_IMAGE, Backend.DEFAULT, seed);
  }

  public StagingSpec withImage(String newImage) {
    return new StagingSpec(scenarioName, scenarioYaml, topology, newImage, backend, seed);
  }

  public StagingSpec withBackend(Backend newBackend) {
    return new StagingSpec(scenarioName, scenarioYaml, topology, image, newBackend, seed);
  }

  /** Every mistake in this spec (topology problems included), one line each. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!NAME.matcher(scenarioName).matches()) {
      problems.add("name: '" + scenarioName + "' cannot name Kubernetes objects; use " + SCENARIO_NAME_PATTERN
          + " (lower-case letters, digits and '-', at most 40) for staging");
    }
    if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
      problems.add("image: '" + image + "' is not a container image reference");
    }
    List<String> topologyProblems = topology.problems();
    problems.addAll(topologyProblems);
    if (topologyProblems.isEmpty()) {
      problems.addAll(oneTargetPerLoadgen());
      problems.addAll(NetemScript.stagingProblems(topology));
    }
    return problems;
  }

  /** {@code twin agent} drives one target, so a load generator has one link in staging. */
  private List<String> oneTargetPerLoadgen() {
    List<String> problems = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < topology.links().size(); i++) {
      String from = topology.links().get(i).from();
      if (topology.node(from).map(n -> n.role() == Role.LOADGEN).orElse(false)) {
        if (seen.contains(from)) {
          problems.add("environment.links[" + i + "]: load generator '" + from + "' already has a link; an agent drives"
              + " one target, so give each target its own load-generator node");
        }
        seen.add(from);
      }
    }
    return problems;
  }
}
