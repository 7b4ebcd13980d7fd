package io.perftwin.infra.cluster;

/**
 * One node of a local cluster: its own network namespace with {@code lo} and one interface
 * {@code eth0} (a veth to the cluster's hub bridge) holding {@code address}/24.
 *
 * @param name node name from the topology ({@code loadgen}, {@code target}, …)
 * @param namespace network namespace name, {@code pt-<cluster id>-<name>}
 * @param address IPv4 address of the node's {@code eth0}, reachable only from the cluster's other nodes
 */
public record ClusterNode(String name, String namespace, String address) {}
