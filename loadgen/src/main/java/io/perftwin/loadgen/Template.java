package io.perftwin.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A text with {@code ${name}} placeholders: a request path, header value or body whose variable
 * parts come from a {@link Feeder}.
 *
 * <p>Syntax: {@code ${name}} is replaced by the value of variable {@code name}; {@code $$} is a
 * literal {@code $}; any other {@code $} is itself ({@code $5} stays {@code $5}). A <code>${</code>
 * without its closing <code>}</code> on the same stretch of text (before a line break, a quote, a
 * {@code $} or a <code>{</code>) is an error, as is an empty name <code>${}</code> and, for
 * {@link #compile}, a name that is not one of the known variables.
 *
 * <p>Immutable and thread-safe. A template without placeholders is {@link #isConstant() constant}
 * and renders its text without allocating. For the hot path, {@link #render(String[])} takes the
 * values by position in {@link #variables()}, so a caller can resolve names to feeder columns once.
 */
public final class Template {
  private final String text;
  /** {@code literals.length == slots.length + 1}: literal, placeholder, literal, …, literal. */
  private final String[] literals;
  /** For each placeholder in order, its index in {@link #variables}. */
  private final int[] slots;
  private final List<String> variables;
  private final int literalLength;

  private Template(String text, List<String> literals, List<Integer> slots, List<String> variables) {
    this.text = text;
    this.literals = literals.toArray(new String[0]);
    this.slots = slots.stream().mapToInt(Integer::intValue).toArray();
    this.variables = List.copyOf(variables);
    int length = 0;
    for (String l : this.literals) {
      length += l.length();
    }
    this.literalLength = length;
  }

  /**
   * Compiles {@code text}, checking that every variable it uses is one of {@code variables}.
   *
   * @throws TemplateException for an unclosed <code>${</code>, an empty name or an unknown variable;
   *     the first problem in the text is reported
   */
  public static Template compile(String text, Set<String> variables) {
    return build(text, Objects.requireNonNull(variables, "variables"));
  }

  /**
   * Parses {@code text} for its syntax only: any variable name is accepted. For a caller that
   * checks the names later (see {@link LoadPlan}).
   *
   * @throws TemplateException for an unclosed <code>${</code> or an empty name
   */
  public static Template parse(String text) {
    return build(text, null);
  }

  private static Template build(String text, Set<String> known) {
    Objects.requireNonNull(text, "text");
    List<String> literals = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= n) {
        literal.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        literal.append('$');
        i += 2;
        continue;
      }
      if (next != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int close = scanName(text, i + 2);
      if (close >= n || text.charAt(close) != '}') {
        // Mark what was read as the name: '${sku' in '{"sku": "${sku"}'.
        throw new TemplateException("unclosed '${'", null, i + 1, close - i, null,
            "write '}' after the variable name, or '$$' for a literal '$'");
      }
      String name = text.substring(i + 2, close);
      if (name.isEmpty()) {
        throw new TemplateException("empty variable name '${}'", null, i + 1, 3, null,
            "write a variable name between the braces, or '$${}' for a literal '${}'");
      }
      if (known != null && !known.contains(name)) {
        List<String> sorted = known.stream().sorted().toList();
        String closest = Suggestions.closest(name, sorted);
        String suggestion = closest != null ? "did you mean '" + closest + "'?"
            : sorted.isEmpty() ? "write '$${" + name + "}' for a literal '${" + name + "}'" : null;
        throw new TemplateException("unknown variable '" + name + "'", name, i + 1, close - i + 1, sorted, suggestion);
      }
      literals.add(literal.toString());
      literal.setLength(0);
      int slot = variables.indexOf(name);
      if (slot < 0) {
        slot = variables.size();
        variables.add(name);
      }
      slots.add(slot);
      i = close + 1;
    }
    // A text without placeholders or escapes renders as itself, not as a copy.
    literals.add(slots.isEmpty() && literal.length() == n ? text : literal.toString());
    return new Template(text, literals, slots, variables);
  }

  /**
   * Where the name that starts at {@code from} stops: at its closing <code>}</code>, at a
   * character that cannot be in a name and shows the brace is missing ({@code $}, <code>{</code>, {@code "} or a
   * line break), or at the end of the text.
   */
  private static int scanName(String text, int from) {
    int j = from;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (c == '}' || c == '$' || c == '{' || c == '"' || c == '\n' || c == '\r') {
        return j;
      }
      j++;
    }
    return j;
  }

  /** The text as written, placeholders and {@code $$} included. */
  public String text() {
    return text;
  }

  /** Whether the template has no placeholders, so that every rendering is the same string. */
  public boolean isConstant() {
    return slots.length == 0;
  }

  /** The variables used, each once, in the order of their first use. */
  public List<String> variables() {
    return variables;
  }

  /**
   * The text with each placeholder replaced by {@code values.apply(name)}.
   *
   * @throws IllegalArgumentException if {@code values} has no value (null) for a variable
   */
  public String render(Function<String, String> values) {
    if (isConstant()) {
      return literals[0];
    }
    String[] byIndex = new String[variables.size()];
    for (int v = 0; v < byIndex.length; v++) {
      byIndex[v] = values.apply(variables.get(v));
    }
    return render(byIndex);
  }

  /**
   * The text with each placeholder replaced by {@code values[i]}, where {@code i} is the
   * variable's index in {@link #variables()}. A constant template returns the same string every
   * time, without allocating.
   *
   * @throws IllegalArgumentException if a value is missing (array too short, or null)
   */
  public String render(String[] values) {
    if (isConstant()) {
      return literals[0];
    }
    int length = literalLength;
    for (int slot : slots) {
      length += value(values, slot).length();
    }
    StringBuilder sb = new StringBuilder(length);
    for (int p = 0; p < slots.length; p++) {
      sb.append(literals[p]).append(values[slots[p]]);
    }
    return sb.append(literals[slots.length]).toString();
  }

  private String value(String[] values, int slot) {
    String v = slot < values.length ? values[slot] : null;
    if (v == null) {
      throw new IllegalArgumentException("no value for variable '" + variables.get(slot) + "' in template '" + text + "'");
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Template t && t.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
