package io.perftwin.loadgen;

import java.time.Duration;
import java.util.Objects;

/**
 * A fixed number of virtual users. Each sends a request, waits for its response (or its failure
 * or timeout), thinks for {@code thinkTime}, and repeats until the phase ends. With a zero think
 * time every user keeps exactly one request in flight.
 *
 * @param users virtual users, {@code >= 1}
 * @param thinkTime pause between a response and the user's next request, {@code >= 0}
 */
public record ClosedUsers(int users, Duration thinkTime) implements ClosedShape {

  public ClosedUsers {
    if (users < 1) {
      throw new IllegalArgumentException("users must be >= 1, was " + users);
    }
    Objects.requireNonNull(thinkTime, "thinkTime");
    if (thinkTime.isNegative()) {
      throw new IllegalArgumentException("thinkTime must be >= 0, was " + thinkTime);
    }
  }

  /** {@code users 50, think 100ms}; a zero think time is written {@code think 0s}. */
  @Override
  public String describe() {
    return "users " + users + ", think " + (thinkTime.isZero() ? "0s" : Units.format(thinkTime));
  }
}
