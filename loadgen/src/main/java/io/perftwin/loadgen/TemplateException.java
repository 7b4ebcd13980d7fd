package io.perftwin.loadgen;

import java.util.List;

/**
 * A {@link Template} text is malformed or uses a variable that does not exist. The message says
 * what and where ({@code unknown variable 'skuu' at column 10; known variables: name, sku; did you
 * mean 'sku'?}); the parts are available separately so that a caller with its own positions (the
 * scenario parser) can build its own message.
 */
public final class TemplateException extends IllegalArgumentException {
  private final String problem;
  private final String variable;
  private final int column;
  private final int length;
  private final List<String> known;
  private final String suggestion;

  TemplateException(String problem, String variable, int column, int length, List<String> known, String suggestion) {
    super(message(problem, column, known, suggestion));
    this.problem = problem;
    this.variable = variable;
    this.column = column;
    this.length = length;
    this.known = known == null ? List.of() : List.copyOf(known);
    this.suggestion = suggestion;
  }

  private static String message(String problem, int column, List<String> known, String suggestion) {
    StringBuilder sb = new StringBuilder(problem).append(" at column ").append(column);
    if (known != null) {
      sb.append(known.isEmpty() ? "; there are no variables" : "; known variables: " + String.join(", ", known));
    }
    if (suggestion != null) {
      sb.append("; ").append(suggestion);
    }
    return sb.toString();
  }

  /** What is wrong, without the position: {@code unknown variable 'skuu'}, <code>unclosed '${'</code>. */
  public String problem() {
    return problem;
  }

  /** For an unknown variable, its name; otherwise {@code null}. */
  public String variable() {
    return variable;
  }

  /** 1-based column (in chars) within the template text where the problem starts. */
  public int column() {
    return column;
  }

  /** How many chars from {@link #column()} are wrong (the whole {@code ${…}}). */
  public int length() {
    return length;
  }

  /** For an unknown variable, the variables that exist, sorted; otherwise empty. */
  public List<String> known() {
    return known;
  }

  /** {@code did you mean 'sku'?}, or a hint on how to fix the text; {@code null} if there is none. */
  public String suggestion() {
    return suggestion;
  }
}
