package io.perftwin.scenarios.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perftwin.infra.cluster.ClusterNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What crossed each node's link during the load: the kernel's byte counters of every node's
 * {@code eth0} (inside its namespace), sampled about once a second while the agents run, written
 * to {@code link-traffic.json} as bits per second per interval in each direction. It shows what
 * the network actually carried (e.g. that a rate limit held), independent of the generator.
 */
final class LinkTraffic {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ClusterNode> nodes;
  private final long startNanos;
  private final List<Double> times = new ArrayList<>();
  private final Map<String, List<long[]>> samples = new LinkedHashMap<>();

  LinkTraffic(List<ClusterNode> nodes, long startNanos) {
    this.nodes = nodes;
    this.startNanos = startNanos;
    for (ClusterNode n : nodes) {
      samples.put(n.name(), new ArrayList<>());
    }
  }

  /** Takes one sample of every node's counters (a failed read is skipped). */
  void sample(long nowNanos) {
    List<long[]> row = new ArrayList<>();
    for (ClusterNode n : nodes) {
      long[] c = counters(n.namespace());
      if (c == null) {
        return;
      }
      row.add(c);
    }
    times.add((nowNanos - startNanos) / 1e9);
    for (int i = 0; i < nodes.size(); i++) {
      samples.get(nodes.get(i).name()).add(row.get(i));
    }
  }

  /** tx and rx bytes of eth0 in {@code namespace}, or null if they cannot be read. */
  private static long[] counters(String namespace) {
    try {
      Process p = new ProcessBuilder("ip", "-n", namespace, "-s", "-j", "link", "show", "dev", "eth0")
          .redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      JsonNode stats = JSON.readTree(out).path(0).path("stats64");
      return new long[] {stats.path("tx").path("bytes").asLong(), stats.path("rx").path("bytes").asLong()};
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Writes the intervals: per node, start/end seconds and tx/rx bits per second of each. */
  void write(Path file) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("description", "bytes counted by the kernel on each node's eth0 (Ethernet frames), as bits per second "
        + "per sampling interval; seconds are from the start of the agents");
    List<Map<String, Object>> out = new ArrayList<>();
    for (ClusterNode n : nodes) {
      List<long[]> s = samples.get(n.name());
      List<Map<String, Object>> intervals = new ArrayList<>();
      for (int i = 1; i < s.size(); i++) {
        double dt = times.get(i) - times.get(i - 1);
        if (dt <= 0) {
          continue;
        }
        Map<String, Object> iv = new LinkedHashMap<>();
        iv.put("startSeconds", round(times.get(i - 1)));
        iv.put("endSeconds", round(times.get(i)));
        iv.put("txBitsPerSecond", Math.round((s.get(i)[0] - s.get(i - 1)[0]) * 8 / dt));
        iv.put("rxBitsPerSecond", Math.round((s.get(i)[1] - s.get(i - 1)[1]) * 8 / dt));
        intervals.add(iv);
      }
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("node", n.name());
      node.put("namespace", n.namespace());
      node.put("intervals", intervals);
      out.add(node);
    }
    root.put("nodes", out);
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
