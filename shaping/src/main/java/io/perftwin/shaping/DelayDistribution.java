package io.perftwin.shaping;

/** How jitter is spread around the delay; the names are netem's distribution tables. */
public enum DelayDistribution {
  UNIFORM("uniform"),
  NORMAL("normal"),
  PARETO("pareto"),
  PARETONORMAL("paretonormal");

  private final String key;

  DelayDistribution(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Parses a scenario-file spelling; the error names the allowed values. */
  public static DelayDistribution of(String key) {
    for (DelayDistribution d : values()) {
      if (d.key.equals(key)) {
        return d;
      }
    }
    throw new IllegalArgumentException("distribution must be one of uniform, normal, pareto, paretonormal, was '" + key + "'");
  }
}
