package io.perftwin.infra.topology;

import java.util.Objects;

/**
 * One node of a topology: {@code count} identical replicas of {@code run} in role {@code role}.
 * Names and counts are checked by {@link Topology#problems()}, so that every mistake in a scenario
 * is reported at once with its path.
 *
 * @param name unique in the topology; {@code [a-z][a-z0-9]{0,14}} (it becomes a namespace name
 *     locally and a Kubernetes object name in staging)
 * @param role what the node does
 * @param count replicas, >= 1 (load-generator replicas split the rate between them)
 * @param run what runs on each replica
 */
public record NodeSpec(String name, Role role, int count, NodeRun run) {
  public NodeSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(run, "run");
  }

  /** One load generator replica set. */
  public static NodeSpec loadgen(String name, int count) {
    return new NodeSpec(name, Role.LOADGEN, count, NodeRun.Agent.INSTANCE);
  }
}
