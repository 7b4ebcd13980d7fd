package io.perftwin.gatling;

import io.perftwin.infra.DemoService;
import io.perftwin.infra.DemoServiceConfig;
import io.perftwin.infra.ServiceTime;
import io.perftwin.loadgen.gatling.GatlingClasspath;
import io.perftwin.loadgen.gatling.GatlingEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/** Shared pieces of the Gatling engine tests: the demo service, the engine, and independent readers. */
final class GatlingTestSupport {
  private GatlingTestSupport() {}

  /** The module folder: surefire runs tests in it. */
  static Path moduleDir() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("target/classes/io/perftwin/gatling")) ? here : here.resolve("loadgen/gatling");
  }

  static GatlingEngine engine(Consumer<ProcessHandle> onStart) {
    return new GatlingEngine(GatlingClasspath.fromModule(moduleDir()), Clock.systemUTC(), List.of("-Xmx256m", "-XX:+UseSerialGC"),
        onStart);
  }

  static DemoService demo() {
    DemoServiceConfig config = DemoServiceConfig.DEFAULT.withWorkers(8)
        .withServiceTime(new ServiceTime.Exponential(Duration.ofMillis(2)));
    return DemoService.start(config, "127.0.0.1", 0, 7);
  }

  static URI uri(DemoService demo) {
    return URI.create("http://127.0.0.1:" + demo.port());
  }

  /**
   * Gatling's own end-of-run summary, from its console output (3.15 reports have no stats.json):
   * for each line of the last "Global Information" block ({@code request count}, {@code min response
   * time}, {@code 50th percentile}, …) its columns total, OK and KO ({@code -1} where Gatling prints
   * {@code -}).
   */
  static Map<String, long[]> consoleSummary(Path output) throws IOException {
    List<String> lines = Files.readAllLines(output);
    int from = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("Global Information")) {
        from = i;
      }
    }
    if (from < 0) {
      throw new IllegalStateException("no Global Information block in " + output);
    }
    Map<String, long[]> out = new java.util.LinkedHashMap<>();
    for (int i = from + 1; i < lines.size() && lines.get(i).startsWith("> "); i++) {
      String[] cols = lines.get(i).substring(2).split("\\|");
      if (cols.length != 4) {
        continue;
      }
      long[] v = new long[3];
      for (int c = 0; c < 3; c++) {
        String t = cols[c + 1].strip().replace(",", "");
        v[c] = t.equals("-") ? -1 : Math.round(Double.parseDouble(t));
      }
      out.put(cols[0].strip(), v);
    }
    return out;
  }

  /**
   * Response times (ms) per request name, decoded from simulation.log by a decoder written
   * separately from {@code SimulationLog} (ByteBuffer instead of streams), so that the engine's
   * reader is checked against a second reading of the same bytes.
   */
  static Map<String, List<Integer>> independentLatencies(Path simulationLog) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(simulationLog));
    Map<Integer, String> cache = new HashMap<>();
    Map<String, List<Integer>> out = new HashMap<>();
    if (b.get() != 0) {
      throw new IllegalStateException("no run record");
    }
    str(b);
    str(b);
    b.getLong();
    str(b);
    for (int i = b.getInt(); i > 0; i--) {
      str(b);
    }
    for (int i = b.getInt(); i > 0; i--) {
      b.position(b.position() + b.getInt());
    }
    while (b.remaining() > 0) {
      int mark = b.position();
      try {
        if (!record(b, cache, out)) {
          throw new IllegalStateException("record type " + b.get(mark) + " at " + mark);
        }
      } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
        break; // a killed Gatling leaves its last record cut: it does not count
      }
    }
    return out;
  }

  /** Reads one record; {@code false} for an unknown type. A cut request record adds nothing. */
  private static boolean record(ByteBuffer b, Map<Integer, String> cache, Map<String, List<Integer>> out) {
    int h = b.get();
    if (h == 1) {
      for (int g = b.getInt(); g > 0; g--) {
        cachedStr(b, cache);
      }
      String name = cachedStr(b, cache);
      int start = b.getInt();
      int end = b.getInt();
      b.get();
      cachedStr(b, cache);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(end - start);
      return true;
    } else if (h == 2) {
      b.position(b.position() + 9);
    } else if (h == 3) {
      for (int g = b.getInt(); g > 0; g--) {
        cachedStr(b, cache);
      }
      b.position(b.position() + 13);
    } else if (h == 4) {
      cachedStr(b, cache);
      b.getInt();
    } else {
      return false;
    }
    return true;
  }

  private static String str(ByteBuffer b) {
    int n = b.getInt();
    if (n == 0) {
      return "";
    }
    byte[] bytes = new byte[n];
    b.get(bytes);
    return b.get() == 0 ? new String(bytes, StandardCharsets.ISO_8859_1) : new String(bytes, StandardCharsets.UTF_16LE);
  }

  private static String cachedStr(ByteBuffer b, Map<Integer, String> cache) {
    int i = b.getInt();
    if (i > 0) {
      String s = str(b);
      cache.put(i, s);
      return s;
    }
    return cache.get(-i);
  }

  /** A text file's content, or why it cannot be read. */
  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** A plain HdrHistogram of the latencies, in ns, same shape as perftwin's. */
  static Histogram histogram(List<Integer> millis) {
    Histogram h = new Histogram(1_000, 3_600_000_000_000L, 3);
    millis.forEach(m -> h.recordValue(m * 1_000_000L));
    return h;
  }
}
