/**
 * The load generator's public API.
 *
 * <p>A {@link io.perftwin.loadgen.LoadPlan} says what to send: a sequence of
 * {@link io.perftwin.loadgen.Phase phases}, each with a {@link io.perftwin.loadgen.LoadShape}
 * (an open arrival-rate model, or — later — a closed concurrency model), and a weighted mix of
 * {@link io.perftwin.loadgen.RequestTemplate request templates}. A
 * {@link io.perftwin.loadgen.LoadEngine} executes the plan and returns a
 * {@link io.perftwin.loadgen.results.MeasuredRun}.
 *
 * <p><b>Coordinated omission.</b> Open models fix every request's <em>intended</em> start time in
 * advance ({@link io.perftwin.loadgen.ArrivalSchedule}); response time is always measured from that
 * intended time, never from the moment the request was finally written. If the target (or the
 * connection pool in front of it) stalls, the requests that should have been sent during the stall
 * are charged with the time they waited. Service time, from the actual write to the end of the
 * response, is recorded separately.
 *
 * <p>Everything under {@code io.perftwin.loadgen.internal} is implementation, not API.
 */
package io.perftwin.loadgen;
