package io.perftwin.loadgen;

/**
 * A closed workload model: a fixed population of virtual users, each sending its next request only
 * after the previous one completed. The offered rate is whatever the users and the target's
 * response time make it; see {@link LoadShape} for why this is a type of its own.
 */
public sealed interface ClosedShape extends LoadShape permits ClosedUsers {}
