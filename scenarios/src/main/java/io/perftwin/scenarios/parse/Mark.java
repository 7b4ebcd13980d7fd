package io.perftwin.scenarios.parse;

/**
 * Where a node of the scenario tree came from: a position in the file, or a command-line
 * override.
 *
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column in code points, 0 if unknown
 * @param length how many characters to mark from the column ({@code ^^^}), at least 1
 * @param override the override the node came from ({@code --set network.delay=20ms}), or
 *     {@code null} for a node of the file
 */
public record Mark(int line, int column, int length, String override) {

  public Mark {
    length = Math.max(1, length);
  }

  /** A position in the file. */
  public static Mark at(int line, int column, int length) {
    return new Mark(line, column, length, null);
  }

  /** A node that comes from a command-line override. */
  public static Mark override(String override) {
    return new Mark(0, 0, 1, override);
  }

  /** Whether the node came from a command-line override rather than from the file. */
  public boolean isOverride() {
    return override != null;
  }

  /** This position moved {@code offset} characters to the right, marking {@code newLength}. */
  Mark shifted(int offset, int newLength) {
    return isOverride() ? this : new Mark(line, column + offset, newLength, null);
  }
}
