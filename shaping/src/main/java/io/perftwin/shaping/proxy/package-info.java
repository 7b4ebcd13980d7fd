/**
 * The userspace shaping proxy: a Vert.x TCP proxy whose connections pass through toxics
 * (latency with netem distributions, bandwidth, slow_close, timeout, reset_peer, slicer,
 * limit_data), with a toxiproxy-compatible HTTP API. Entry points: {@link
 * io.perftwin.shaping.proxy.ShapingProxy} (embedded) and {@link io.perftwin.shaping.proxy.ProxyMain}
 * (standalone). Delays are per chunk, order-preserving per direction, and run on event-loop
 * timers. See docs/proxy.md.
 */
package io.perftwin.shaping.proxy;
