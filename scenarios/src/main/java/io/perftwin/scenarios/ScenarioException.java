package io.perftwin.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scenario file (or the overrides applied to it) could not be turned into a {@link Scenario}.
 * Carries every problem found, at most {@link #MAX_PROBLEMS}; {@link #getMessage()} is the full
 * text to show the user, one block per problem, blocks separated by a blank line:
 *
 * <pre>
 * scenarios/bad.yaml:7:3: unknown key 'conections' in 'load'
 *    6 |   engine: vertx
 *    7 |   conections: 64
 *      |   ^^^^^^^^^^
 *   allowed: engine, protocol, connections, timeout, maxScheduleLag, phases, feeders, requests
 *   did you mean 'connections'?
 * </pre>
 */
public final class ScenarioException extends Exception {

  /** At most this many problems are kept and shown; the rest are only counted. */
  public static final int MAX_PROBLEMS = 20;

  private final List<Problem> problems;
  private final int omitted;

  /**
   * @param problems the problems, in the order to show them; at least one
   * @param omitted how many more problems were found but not kept
   */
  public ScenarioException(List<Problem> problems, int omitted) {
    super();
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
    this.omitted = Math.max(0, omitted);
  }

  /** One problem. */
  public ScenarioException(Problem problem) {
    this(List.of(problem), 0);
  }

  /** The problems, at most {@link #MAX_PROBLEMS}, ordered by position (command-line overrides first). */
  public List<Problem> problems() {
    return problems;
  }

  /** How many problems were found beyond those in {@link #problems()}. */
  public int omitted() {
    return omitted;
  }

  /** Every problem, formatted, separated by blank lines. Never throws. */
  @Override
  public String getMessage() {
    List<String> blocks = new ArrayList<>();
    for (Problem p : problems) {
      blocks.add(p.format());
    }
    if (omitted > 0) {
      blocks.add("(" + omitted + " more problem" + (omitted == 1 ? "" : "s") + " not shown; fix these first)");
    }
    return String.join("\n\n", blocks);
  }

  /**
   * One problem in a scenario file or in an override.
   *
   * @param file the scenario file, as the caller named it
   * @param override the command-line override the problem is in ({@code --set network.delay=-5ms},
   *     {@code --rate 0/s}), or {@code null} when the problem is in the file
   * @param line 1-based line in the file, or 0 when the problem has no position (an override, an
   *     unreadable file)
   * @param column 1-based column (in code points), or 0 when {@code line} is 0
   * @param message what is wrong, one line
   * @param snippet the lines of the file around the position, with a line marking the column
   *     ({@code ^^^}); empty when there is no position
   * @param allowed the values or keys that are allowed there; empty when not applicable
   * @param suggestion a hint such as {@code did you mean 'connections'?}, or {@code null}
   */
  public record Problem(
      String file,
      String override,
      int line,
      int column,
      String message,
      List<String> snippet,
      List<String> allowed,
      String suggestion) {

    public Problem {
      Objects.requireNonNull(message, "message");
      snippet = snippet == null ? List.of() : List.copyOf(snippet);
      allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /**
     * Where the problem is: {@code FILE:LINE:COLUMN}, the override, or {@code FILE} alone; {@code null}
     * when the message itself names the file (an unreadable file).
     */
    public String location() {
      if (override != null) {
        return override;
      }
      if (line > 0) {
        return file + ":" + line + ":" + Math.max(1, column);
      }
      return null;
    }

    /** The problem as shown to the user: header, snippet, allowed values, suggestion. */
    public String format() {
      StringBuilder sb = new StringBuilder();
      String location = location();
      if (location != null) {
        sb.append(location).append(": ");
      }
      sb.append(message);
      for (String s : snippet) {
        sb.append('\n').append(s);
      }
      if (!allowed.isEmpty()) {
        sb.append("\n  allowed: ").append(String.join(", ", allowed));
      }
      if (suggestion != null && !suggestion.isEmpty()) {
        sb.append("\n  ").append(suggestion);
      }
      return sb.toString();
    }
  }
}
