/**
 * The topology of a twin: nodes with roles (load generator, target, dependency), replica counts
 * and what runs on them, and shaped links between them. {@link io.perftwin.infra.topology.Topology}
 * is the entry point; {@link io.perftwin.infra.topology.Topology#defaults()} is the topology of a
 * scenario without {@code environment:}. The scenario parser binds the YAML to these records;
 * docs/staging.md shows the YAML shape.
 */
package io.perftwin.infra.topology;
