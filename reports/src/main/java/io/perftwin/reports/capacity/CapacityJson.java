package io.perftwin.reports.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.perftwin.reports.SloResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree of {@code capacity.json}. Rates are per second, latencies in milliseconds; a figure
 * that does not exist (no capacity found, no band) is {@code null}, never a made-up number.
 */
final class CapacityJson {
  private CapacityJson() {}

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static String render(CapacityStudy s) {
    try {
      return MAPPER.writeValueAsString(tree(s)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> tree(CapacityStudy s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", s.scenario());
    root.put("studyId", s.studyId());
    root.put("start", s.start().toString());
    root.put("end", s.end().toString());
    root.put("durationSeconds", round(s.durationSeconds()));
    root.put("verdict", verdict(s));
    Map<String, Object> settings = new LinkedHashMap<>();
    if (s.settings() != null) {
      settings.put("minRate", s.settings().minRate());
      settings.put("maxRate", s.settings().maxRate());
      settings.put("step", s.settings().step());
      settings.put("precision", s.settings().precision());
    }
    settings.put("trialWarmupSeconds", s.trialWarmupSeconds());
    settings.put("trialSeconds", s.trialSeconds());
    settings.put("minAchievedRatio", TrialJudge.MIN_ACHIEVED_RATIO);
    root.put("settings", settings);
    root.put("environment", s.environment());
    root.put("analyticCapacity", num(s.analyticCapacity()));
    if (s.search() != null) {
      root.put("search", search(s.search()));
    }
    if (s.sweep() != null) {
      root.put("sweep", sweep(s.sweep()));
    }
    if (s.scaleOut() != null) {
      root.put("scaleOut", scaleOut(s.scaleOut()));
    }
    return root;
  }

  /** {@code capacity}, {@code generator-bound}, {@code invalid}, or the search status. */
  static String verdict(CapacityStudy s) {
    if (s.generatorBound()) {
      return "generator-bound";
    }
    if (s.invalid()) {
      return "invalid";
    }
    return s.search() != null ? s.search().status().key() : "done";
  }

  static Map<String, Object> search(SearchResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", r.status().key());
    m.put("capacity", num(r.capacity()));
    m.put("lastPass", r.lastPass() == null ? null : trial(r.lastPass()));
    m.put("firstFail", r.firstFail() == null ? null : trial(r.firstFail()));
    List<Object> trials = new ArrayList<>();
    r.trials().forEach(t -> trials.add(trial(t)));
    m.put("trials", trials);
    return m;
  }

  static Map<String, Object> trial(Trial t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", round(t.level()));
    m.put("outcome", t.outcome().key());
    m.put("offeredRate", round(t.offeredRate()));
    m.put("achievedRate", round(t.achievedRate()));
    m.put("throughput", round(t.throughput()));
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("p50", num(t.latencyP50Ms()));
    latency.put("p99", num(t.latencyP99Ms()));
    latency.put("mean", num(t.meanLatencyMs()));
    m.put("latencyMs", latency);
    m.put("scheduleLagP99Ms", num(t.scheduleLagP99Ms()));
    m.put("errors", t.errors());
    List<Object> slos = new ArrayList<>();
    for (SloResult r : t.slos()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("objective", r.slo().text());
      o.put("scope", r.scope());
      o.put("actual", num(r.actual()));
      o.put("unit", r.unit());
      o.put("pass", r.pass());
      slos.add(o);
    }
    m.put("slo", slos);
    m.put("reasons", t.reasons());
    return m;
  }

  static Map<String, Object> sweep(Sweep s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", s.mode().key());
    List<Object> trials = new ArrayList<>();
    s.trials().forEach(t -> trials.add(trial(t)));
    m.put("trials", trials);
    m.put("knee", s.knee() < 0 ? null : round(s.trials().get(s.knee()).level()));
    m.put("usl", s.usl() == null ? null : usl(s.usl()));
    if (s.uslNote() != null) {
      m.put("uslNote", s.uslNote());
    }
    return m;
  }

  static Map<String, Object> usl(UslFit f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sigma", f.model().sigma());
    m.put("kappa", f.model().kappa());
    m.put("lambda", f.model().lambda());
    m.put("lambdaFixed", f.lambdaFixed());
    m.put("peakLoad", num(f.model().peakLoad()));
    m.put("peakThroughput", num(f.model().peakThroughput()));
    m.put("rSquared", num(f.rSquared()));
    m.put("rmse", num(f.rmse()));
    m.put("degreesOfFreedom", f.degreesOfFreedom());
    return m;
  }

  static Map<String, Object> scaleOut(ScaleOut s) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> rows = new ArrayList<>();
    for (int i = 0; i < s.replicas().size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("replicas", s.replicas().get(i));
      row.putAll(search(s.searches().get(i)));
      rows.add(row);
    }
    m.put("searches", rows);
    m.put("usl", s.usl() == null ? null : usl(s.usl()));
    if (s.note() != null) {
      m.put("note", s.note());
    }
    List<Object> predictions = new ArrayList<>();
    for (ScaleOut.Prediction p : s.predictions()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("replicas", p.replicas());
      o.put("capacity", round(p.capacity()));
      o.put("bandLow", num(p.low()));
      o.put("bandHigh", num(p.high()));
      o.put("bandConfidence", ScaleOut.BAND_CONFIDENCE);
      predictions.add(o);
    }
    m.put("predictions", predictions);
    return m;
  }

  /** NaN and infinities become null. */
  static Object num(double v) {
    return Double.isFinite(v) ? round(v) : null;
  }

  static double round(double v) {
    if (!Double.isFinite(v)) {
      return v;
    }
    return Math.round(v * 1000) / 1000.0;
  }
}
