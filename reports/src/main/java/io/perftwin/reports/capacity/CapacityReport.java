package io.perftwin.reports.capacity;

import io.perftwin.reports.Slo;
import io.perftwin.reports.internal.ChartImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * Writes a capacity study's folder: {@value #CAPACITY_JSON}, {@value #CAPACITY_HTML} and the
 * charts as PNG files. Each file is written to a temporary name and moved into place, so a reader
 * never sees half a file.
 */
public final class CapacityReport {
  private CapacityReport() {}

  public static final String CAPACITY_JSON = "capacity.json";
  public static final String CAPACITY_HTML = "report.html";
  public static final String LATENCY_PNG = "latency-vs-rate.png";
  public static final String THROUGHPUT_PNG = "throughput-vs-load.png";
  public static final String REPLICAS_PNG = "capacity-vs-replicas.png";

  /** The study as JSON text (the content of {@value #CAPACITY_JSON}). */
  public static String json(CapacityStudy study) {
    return CapacityJson.render(study);
  }

  /** The one-line verdict: {@code capacity: …}, {@code generator-bound: …}, …. */
  public static String headline(CapacityStudy study) {
    return CapacityHtml.headline(study);
  }

  /** Writes every file of the study into {@code dir} (which must exist). */
  public static void write(Path dir, CapacityStudy study, List<Slo> slos) {
    Map<String, String> uris = new LinkedHashMap<>();
    List<Trial> openTrials = new ArrayList<>();
    if (study.search() != null) {
      openTrials.addAll(study.search().trials());
    }
    if (study.sweep() != null && study.sweep().mode() == Sweep.Mode.RATES) {
      openTrials.addAll(study.sweep().trials());
    }
    if (!openTrials.isEmpty()) {
      double capacity = study.search() == null ? Double.NaN : study.search().capacity();
      chart(dir, LATENCY_PNG, CapacityCharts.latencyVsRate(openTrials, slos, capacity), uris);
    }
    if (study.sweep() != null) {
      chart(dir, THROUGHPUT_PNG, CapacityCharts.throughputVsLoad(study.sweep()), uris);
    }
    if (study.scaleOut() != null) {
      chart(dir, REPLICAS_PNG, CapacityCharts.capacityVsReplicas(study.scaleOut()), uris);
    }
    write(dir.resolve(CAPACITY_JSON), CapacityJson.render(study).getBytes(StandardCharsets.UTF_8));
    write(dir.resolve(CAPACITY_HTML), CapacityHtml.render(study, uris).getBytes(StandardCharsets.UTF_8));
  }

  private static void chart(Path dir, String name, JFreeChart chart, Map<String, String> uris) {
    byte[] png = ChartImages.png(chart);
    write(dir.resolve(name), png);
    uris.put(name, ChartImages.DATA_URI_PREFIX + Base64.getEncoder().encodeToString(png));
  }

  private static void write(Path file, byte[] bytes) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
