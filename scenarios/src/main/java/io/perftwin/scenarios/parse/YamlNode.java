package io.perftwin.scenarios.parse;

/**
 * A node of the scenario tree: the YAML document reduced to maps, lists and scalars, each with
 * the {@link Mark} it came from. Overrides are applied to this tree before it is bound to the
 * model, so that a bad overridden value is reported against the override.
 */
public abstract sealed class YamlNode permits YamlMap, YamlList, YamlScalar {
  private final Mark mark;

  YamlNode(Mark mark) {
    this.mark = mark;
  }

  public Mark mark() {
    return mark;
  }

  /** How the node reads in an error message after "got": {@code 'many'}, {@code a map}, {@code nothing}. */
  public abstract String describe();
}
