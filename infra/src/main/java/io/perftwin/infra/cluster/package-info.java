/**
 * The local cluster: one Linux network namespace per node, veth pairs to a bridge in a hub
 * namespace, private addresses (10.77.0.0/24) that exist only inside those namespaces, processes
 * started in their node, and teardown on every path. {@link io.perftwin.infra.cluster.LocalCluster}
 * is the entry point; docs/environments.md is the manual.
 */
package io.perftwin.infra.cluster;
