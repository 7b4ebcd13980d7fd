package io.perftwin.infra;

import io.perftwin.infra.ServiceTime.LogNormal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the text forms of {@link ServiceTime}; see {@link ServiceTime#parse(String, String)}. */
final class ServiceTimeText {
  private ServiceTimeText() {}

  static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)");
  private static final List<String> LOGNORMAL_KEYS = List.of("median", "p99", "mean", "sigma");

  static LogNormal lognormal(String field, String inner) {
    Map<String, String> args = new HashMap<>();
    for (String part : inner.split(",")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      String key = eq < 0 ? "" : p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (eq < 0 || !LOGNORMAL_KEYS.contains(key)) {
        throw new IllegalArgumentException(field + ": lognormal takes key=value pairs, median=D with p99=D or sigma=S,"
            + " or mean=D with sigma=S; got '" + p + "'");
      }
      if (args.put(key, p.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException(field + ": lognormal '" + key + "' given twice");
      }
    }
    try {
      if (args.keySet().equals(Set.of("median", "p99"))) {
        return LogNormal.ofMedianAndP99(DemoDurations.parse(field + " median", args.get("median")),
            DemoDurations.parse(field + " p99", args.get("p99")));
      }
      if (args.keySet().equals(Set.of("median", "sigma"))) {
        return new LogNormal(DemoDurations.parse(field + " median", args.get("median")), sigma(field, args.get("sigma")));
      }
      if (args.keySet().equals(Set.of("mean", "sigma"))) {
        return LogNormal.ofMeanAndSigma(DemoDurations.parse(field + " mean", args.get("mean")), sigma(field, args.get("sigma")));
      }
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith(field)) {
        throw e;
      }
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(field + ": lognormal needs median=D with p99=D, median=D with sigma=S,"
        + " or mean=D with sigma=S; got " + new TreeSet<>(args.keySet()));
  }

  private static double sigma(String field, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " sigma must be a number > 0 and <= " + LogNormal.MAX_SIGMA
          + ", got '" + text + "'", e);
    }
  }
}
