/**
 * Internals of the scenario parser; the API is {@link io.perftwin.scenarios.ScenarioParser}.
 *
 * <p>The pipeline: {@link io.perftwin.scenarios.parse.TreeBuilder} composes the YAML with
 * SnakeYAML into a small tree of {@link io.perftwin.scenarios.parse.YamlMap maps},
 * {@link io.perftwin.scenarios.parse.YamlList lists} and
 * {@link io.perftwin.scenarios.parse.YamlScalar scalars}, each with its
 * {@link io.perftwin.scenarios.parse.Mark} (line and column, or the command-line override it came
 * from); {@link io.perftwin.scenarios.parse.OverrideApplier} applies {@code --set},
 * {@code --rate} and {@code --duration} to that tree;
 * {@link io.perftwin.scenarios.parse.ScenarioBinder} and the section binders turn it into the
 * model by hand, reporting every problem to {@link io.perftwin.scenarios.parse.Problems}, which
 * renders each with its snippet ({@link io.perftwin.scenarios.parse.SourceText}) at once.
 *
 * <p>Value grammars live in their own classes so they can be used and tested alone:
 * {@link io.perftwin.scenarios.parse.Quantities} (units and bounds),
 * {@link io.perftwin.scenarios.parse.SloParser}, {@link io.perftwin.scenarios.parse.ServiceTimeParser},
 * {@link io.perftwin.scenarios.parse.Loopback}; {@link io.perftwin.scenarios.parse.DidYouMean}
 * makes the suggestions.
 *
 * <p>Not API: anything here may change without notice.
 */
package io.perftwin.scenarios.parse;
