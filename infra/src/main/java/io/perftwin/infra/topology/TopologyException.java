package io.perftwin.infra.topology;

import java.util.List;

/**
 * A topology is not usable. {@link #problems()} lists every mistake, each starting with the path
 * of the offending entry in the scenario file ({@code environment.links[1].to: …}); the message
 * is those lines joined.
 */
public final class TopologyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public TopologyException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line per problem, in topology order. */
  public List<String> problems() {
    return problems;
  }
}
