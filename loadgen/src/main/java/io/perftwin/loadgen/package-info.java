/**
 * The load generator's public API.
 *
 * <p>A {@link io.perftwin.loadgen.LoadPlan} says what to send: a sequence of
 * {@link io.perftwin.loadgen.Phase phases}, each with a {@link io.perftwin.loadgen.LoadShape} — an
 * open arrival-rate model ({@link io.perftwin.loadgen.ConstantRate},
 * {@link io.perftwin.loadgen.RampRate}, {@link io.perftwin.loadgen.StepRate},
 * {@link io.perftwin.loadgen.PoissonRate}) or a closed model of a fixed number of users
 * ({@link io.perftwin.loadgen.ClosedUsers}) — and a weighted mix of
 * {@link io.perftwin.loadgen.RequestTemplate request templates}, whose path, headers and body may
 * take values from {@link io.perftwin.loadgen.Feeder feeders} through
 * {@link io.perftwin.loadgen.Template ${variable} placeholders}, and whose responses are judged by
 * {@link io.perftwin.loadgen.ResponseCheck checks}. A {@link io.perftwin.loadgen.LoadEngine}
 * executes the plan and returns a {@link io.perftwin.loadgen.results.MeasuredRun}.
 *
 * <p>Every schedule is a pure sequence ({@link io.perftwin.loadgen.ArrivalSchedule}), seeded where
 * it is random, so shapes are tested without a server: counts, spacing and the distribution of
 * the inter-arrival times.
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
