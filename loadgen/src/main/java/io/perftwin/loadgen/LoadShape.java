package io.perftwin.loadgen;

/**
 * How load is offered during one phase.
 *
 * <p>Open and closed workload models are separate types on purpose, not one shape with a flag:
 *
 * <ul>
 *   <li>{@link OpenShape} (open model): arrivals follow a schedule fixed in advance, whatever the
 *       target does. A slow target does not slow the arrivals down; requests pile up, and their
 *       latency is measured from the intended start. This is how independent users of a service
 *       behave, and the model a latency SLO at a given rate needs.
 *   <li>{@link ClosedShape} (closed model): a fixed number of virtual users, each waiting for its
 *       response before the next request. A slow target lowers the rate it is offered (the
 *       feedback loop a closed model has by construction), so its figures answer "how does the
 *       target behave with N clients", not "at R requests per second".
 * </ul>
 *
 * <p>The two answer different questions and are executed differently (a schedule of intended
 * times versus a pool of users), so an engine has to decide which one it runs; separate types make
 * that decision a type test, checked by the compiler ({@code sealed}), instead of a flag that every
 * caller must remember to look at.
 */
public sealed interface LoadShape permits OpenShape, ClosedShape {
  /** A short human description, e.g. {@code constantRate 500/s} or {@code users 50, think 100ms}. */
  String describe();
}
