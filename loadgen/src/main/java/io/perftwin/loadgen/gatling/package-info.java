/**
 * The Gatling engine, launcher side: runs Gatling 3.15.1 in a child JVM (module
 * {@code loadgen/gatling}) and converts its {@code simulation.log} into perftwin results. This
 * package has no Gatling dependency. Entry point: {@link io.perftwin.loadgen.gatling.GatlingEngine}.
 * See docs/gatling.md.
 */
package io.perftwin.loadgen.gatling;
