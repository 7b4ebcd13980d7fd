/**
 * Network shaping between the load generator and the target.
 *
 * <p>The model: a {@link io.perftwin.shaping.NetworkProfile} has packet-level impairments per
 * direction ({@link io.perftwin.shaping.LinkImpairment}: delay, jitter, distribution, correlation,
 * loss as a {@link io.perftwin.shaping.LossModel}, duplicate, reorder, corrupt, rate), per-connection
 * faults ({@link io.perftwin.shaping.ConnectionFaults}) and an {@code approximate} flag. {@code up} is
 * egress from the load generator, {@code down} egress from the target; delay is one-way.
 *
 * <p>The flow: {@link io.perftwin.shaping.probe.CapabilityProbe#probe()} finds what the kernel can do;
 * {@link io.perftwin.shaping.ShapingPlanner#plan} picks a backend per knob ({@code tc}, {@code kernel},
 * {@code proxy}, or {@code none} with a reason); {@link io.perftwin.shaping.ShapingPlan#requireApplicable()}
 * fails the run before load when a knob cannot be applied and the profile does not accept
 * approximation; the backends apply it: {@link io.perftwin.shaping.tc.TcRenderer} and {@link
 * io.perftwin.shaping.tc.TcApplier} where netem exists, {@link io.perftwin.shaping.kernel.KernelShaper}
 * (HTB/TBF rate, nftables/iptables random loss) where it does not, and the shaping proxy for
 * {@link io.perftwin.shaping.ShapingPlan#proxyToxics()}. {@link io.perftwin.shaping.ShapingPlan#toJson()}
 * is what run.json records. docs/shaping.md is the manual, with measured fidelity.
 */
package io.perftwin.shaping;
