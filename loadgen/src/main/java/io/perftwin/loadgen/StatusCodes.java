package io.perftwin.loadgen;

/** Status codes boxed once, so that {@link ResponseCheck.StatusIn#test} allocates nothing per response. */
final class StatusCodes {
  private StatusCodes() {}

  private static final Integer[] BOXED = new Integer[600];

  static {
    for (int i = 0; i < BOXED.length; i++) {
      BOXED[i] = i;
    }
  }

  /** The box of {@code status}, {@code 0 <= status < 600}. */
  static Integer boxed(int status) {
    return BOXED[status];
  }
}
