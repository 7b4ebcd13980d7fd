package io.perftwin.loadgen.results;

import io.perftwin.loadgen.ErrorKind;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What was measured for one request name (or for all together) over the measured phases.
 *
 * @param responseTime nanoseconds from intended start to completion, every completed request
 * @param serviceTime nanoseconds from actual write to completion, requests that were written
 * @param errorsByKind failed requests by cause; absent kinds are zero
 */
public record RequestStats(Histogram responseTime, Histogram serviceTime, Map<ErrorKind, Long> errorsByKind) {

  public RequestStats {
    EnumMap<ErrorKind, Long> copy = new EnumMap<>(ErrorKind.class);
    copy.putAll(errorsByKind);
    errorsByKind = java.util.Collections.unmodifiableMap(copy);
  }

  /** Completed requests, successful or not. */
  public long count() {
    return responseTime.getTotalCount();
  }

  public long errors() {
    return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  public long successes() {
    return count() - errors();
  }

  /** The sum of several stats: histograms added, error counts summed. Exact. */
  public static RequestStats sum(Iterable<RequestStats> parts) {
    Histogram rt = Histograms.create();
    Histogram st = Histograms.create();
    EnumMap<ErrorKind, Long> errs = new EnumMap<>(ErrorKind.class);
    for (RequestStats p : parts) {
      rt.add(p.responseTime());
      st.add(p.serviceTime());
      p.errorsByKind().forEach((k, v) -> errs.merge(k, v, Long::sum));
    }
    return new RequestStats(rt, st, errs);
  }
}
