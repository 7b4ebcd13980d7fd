package io.perftwin.loadgen.results;

/** The tags of {@code latency.hlog}; see the package documentation. */
public final class LatencyTags {
  private LatencyTags() {}

  public static final String WARMUP_PREFIX = "warmup/";
  public static final String SERVICE_PREFIX = "service/";
  public static final String ERRORS_PREFIX = "errors/";
  public static final String LAG = "generator/lag";

  public static String response(String name, boolean warmup) {
    return prefix(warmup) + name;
  }

  public static String service(String name, boolean warmup) {
    return prefix(warmup) + SERVICE_PREFIX + name;
  }

  public static String errors(String name, boolean warmup) {
    return prefix(warmup) + ERRORS_PREFIX + name;
  }

  public static String lag(boolean warmup) {
    return prefix(warmup) + LAG;
  }

  private static String prefix(boolean warmup) {
    return warmup ? WARMUP_PREFIX : "";
  }
}
