package io.perftwin.scenarios.parse;

import java.util.List;

/**
 * A scalar value is not acceptable. Thrown by the value parsers ({@link SloParser},
 * {@link ServiceTimeParser}, {@link Quantities}); the binder turns it into a positioned problem.
 */
public final class ValueException extends Exception {
  private final int offset;
  private final int length;
  private final List<String> allowed;
  private final String suggestion;

  /** The whole value is wrong. */
  public ValueException(String message) {
    this(message, -1, 0, List.of(), null);
  }

  public ValueException(String message, List<String> allowed, String suggestion) {
    this(message, -1, 0, allowed, suggestion);
  }

  /**
   * @param offset where in the value the problem is (char index), or -1 for the whole value
   * @param length how many characters from {@code offset} are wrong
   */
  public ValueException(String message, int offset, int length, List<String> allowed, String suggestion) {
    super(message, null, false, false);
    this.offset = offset;
    this.length = length;
    this.allowed = allowed == null ? List.of() : List.copyOf(allowed);
    this.suggestion = suggestion;
  }

  /** Char index in the value where the problem is, or -1 for the whole value. */
  public int offset() {
    return offset;
  }

  public int length() {
    return length;
  }

  public List<String> allowed() {
    return allowed;
  }

  public String suggestion() {
    return suggestion;
  }
}
