/**
 * Capacity studies: how much load a target carries before its objectives break, where the knee
 * is, and how it scales.
 *
 * <ul>
 *   <li>{@link io.perftwin.reports.capacity.CapacitySearch}: step up, then bisect, over trials run
 *       by a {@link io.perftwin.reports.capacity.TrialRunner} and judged by
 *       {@link io.perftwin.reports.capacity.TrialJudge} (objectives plus validity: achieved ≥ 99%
 *       of offered, generator on schedule).</li>
 *   <li>{@link io.perftwin.reports.capacity.Sweep}: one trial per level, the knee
 *       ({@link io.perftwin.reports.capacity.Knee}, Kneedle) and a USL fit
 *       ({@link io.perftwin.reports.capacity.UslFit}, Levenberg–Marquardt with Hipparchus).</li>
 *   <li>{@link io.perftwin.reports.capacity.ScaleOut}: the search at several replica counts, the
 *       USL over replicas and predictions with bands.</li>
 *   <li>{@link io.perftwin.reports.capacity.CapacityReport}: capacity.json, report.html, charts.</li>
 * </ul>
 *
 * <p>The search and the analysis are pure logic; the scenarios module runs the real trials.
 */
package io.perftwin.reports.capacity;
