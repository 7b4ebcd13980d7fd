package io.perftwin.scenarios.parse;

import java.util.Objects;

/**
 * A scalar node. The binder reads values from their text, so {@code 8} and {@code '8'} are the
 * same integer; only {@link #isNull()} depends on how YAML resolved the scalar.
 */
public final class YamlScalar extends YamlNode {

  /** How the scalar was written, which decides whether a position inside it can be marked. */
  public enum Style {
    /** Unquoted, on one line: value offset {@code i} is at column {@code column + i}. */
    PLAIN,
    /** In single or double quotes, on one line: offset {@code i} is at {@code column + 1 + i} unless escaped. */
    QUOTED,
    /** Block scalar, multi-line or from an override: only the start is known. */
    OTHER
  }

  private final String value;
  private final boolean isNull;
  private final Style style;

  public YamlScalar(Mark mark, String value, boolean isNull, Style style) {
    super(mark);
    this.value = Objects.requireNonNullElse(value, "");
    this.isNull = isNull;
    this.style = style;
  }

  /** The text of the scalar, never {@code null} ({@code ""} for a null scalar). */
  public String value() {
    return value;
  }

  /** Whether the scalar is YAML null: empty, {@code ~} or {@code null}, unquoted. */
  public boolean isNull() {
    return isNull;
  }

  public Style style() {
    return style;
  }

  @Override
  public String describe() {
    return isNull ? "nothing" : Texts.quote(value);
  }
}
