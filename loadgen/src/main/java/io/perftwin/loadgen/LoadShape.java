package io.perftwin.loadgen;

/**
 * How load is offered during one phase. Open models ({@link OpenShape}) fix arrival times
 * independently of the target's responses.
 */
public sealed interface LoadShape permits OpenShape {
  /** A short human description, e.g. {@code constantRate 500/s}. */
  String describe();
}
