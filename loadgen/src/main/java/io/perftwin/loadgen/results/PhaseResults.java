package io.perftwin.loadgen.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.loadgen.ErrorKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Per-phase results in a file of their own ({@code phases.json}), exactly: each histogram as
 * HdrHistogram's compressed encoding in Base64, error counts by kind. Agents write it so that a
 * merged run keeps its per-phase figures ({@link #merge}).
 */
public final class PhaseResults {
  public static final String FILE = "phases.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PhaseResults() {}

  public static void write(Path file, List<PhaseResult> phases) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (PhaseResult p : phases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("warmup", p.warmup());
      m.put("startSeconds", p.startSeconds());
      m.put("durationSeconds", p.durationSeconds());
      m.put("load", p.load());
      m.put("offeredRate", p.offeredRate());
      m.put("lag", encode(p.scheduleLag()));
      Map<String, Object> requests = new LinkedHashMap<>();
      for (Map.Entry<String, RequestStats> e : p.requests().entrySet()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("responseTime", encode(e.getValue().responseTime()));
        r.put("serviceTime", encode(e.getValue().serviceTime()));
        Map<String, Long> errors = new LinkedHashMap<>();
        e.getValue().errorsByKind().forEach((k, n) -> errors.put(k.key(), n));
        r.put("errorsByKind", errors);
        requests.put(e.getKey(), r);
      }
      m.put("requests", requests);
      out.add(m);
    }
    try {
      JSON.writeValue(file.toFile(), out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static List<PhaseResult> read(Path file) {
    try {
      List<PhaseResult> phases = new ArrayList<>();
      for (JsonNode p : JSON.readTree(file.toFile())) {
        Map<String, RequestStats> requests = new LinkedHashMap<>();
        for (var it = p.path("requests").fields(); it.hasNext(); ) {
          var e = it.next();
          EnumMap<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
          for (ErrorKind k : ErrorKind.values()) {
            long n = e.getValue().path("errorsByKind").path(k.key()).asLong(0);
            if (n > 0) {
              errors.put(k, n);
            }
          }
          requests.put(e.getKey(), new RequestStats(decode(e.getValue().path("responseTime").asText()),
              decode(e.getValue().path("serviceTime").asText()), errors));
        }
        phases.add(new PhaseResult(p.path("name").asText(), p.path("warmup").asBoolean(), p.path("startSeconds").asDouble(),
            p.path("durationSeconds").asDouble(), p.path("load").asText(), p.path("offeredRate").asDouble(), requests,
            decode(p.path("lag").asText())));
      }
      return phases;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Adds agents' phases (the same plan cut in shares): histograms and errors add, offered rates add. */
  public static List<PhaseResult> merge(List<List<PhaseResult>> agents) {
    List<PhaseResult> merged = new ArrayList<>();
    int phases = agents.get(0).size();
    for (int i = 0; i < phases; i++) {
      PhaseResult first = agents.get(0).get(i);
      Map<String, RequestStats> requests = new LinkedHashMap<>();
      Histogram lag = Histograms.create();
      double offered = 0;
      for (List<PhaseResult> a : agents) {
        PhaseResult p = a.get(i);
        lag.add(p.scheduleLag());
        offered += p.offeredRate();
        for (Map.Entry<String, RequestStats> e : p.requests().entrySet()) {
          RequestStats have = requests.get(e.getKey());
          requests.put(e.getKey(), have == null ? e.getValue() : RequestStats.sum(List.of(have, e.getValue())));
        }
      }
      merged.add(new PhaseResult(first.name(), first.warmup(), first.startSeconds(), first.durationSeconds(), first.load(),
          offered, requests, lag));
    }
    return merged;
  }

  private static String encode(Histogram h) {
    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int n = h.encodeIntoCompressedByteBuffer(buf);
    byte[] bytes = new byte[n];
    buf.flip();
    buf.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static Histogram decode(String text) {
    try {
      Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
      Histogram out = Histograms.create();
      out.add(h);
      return out;
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("a histogram in " + FILE + " is corrupt", e);
    }
  }
}
