package io.perftwin.infra;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.GaugeMetricFamily;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The demo service's Prometheus metrics, in a registry of its own (several services may run in
 * one JVM). Names and meaning are listed in docs/demo-service.md.
 */
final class DemoMetrics {
  static final String DEFAULT_ENDPOINT = "default";
  private static final double[] SECONDS_BUCKETS = {
      0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10};

  private final CollectorRegistry registry = new CollectorRegistry(true);
  private final Counter served = Counter.build()
      .name("perftwin_demo_served").help("Requests answered, by endpoint pattern and HTTP status.")
      .labelNames("endpoint", "status").register(registry);
  private final Histogram serviceSeconds = Histogram.build()
      .name("perftwin_demo_service_seconds")
      .help("Time a request held a worker: its service time plus its downstream call, if any.")
      .labelNames("endpoint").buckets(SECONDS_BUCKETS).register(registry);
  private final Histogram queueWaitSeconds = Histogram.build()
      .name("perftwin_demo_queue_wait_seconds").help("Time a request waited in the queue for a free worker.")
      .buckets(SECONDS_BUCKETS).register(registry);

  /**
   * @param workers configured worker slots
   * @param queueLength requests waiting for a worker now
   * @param inService requests holding a worker now
   * @param heldByPause requests held by the scheduled pause now
   */
  DemoMetrics(int workers, IntSupplier queueLength, IntSupplier inService, IntSupplier heldByPause) {
    new Collector() {
      @Override
      public List<MetricFamilySamples> collect() {
        return List.of(
            new GaugeMetricFamily("perftwin_demo_workers", "Worker slots (requests served at once).", workers),
            new GaugeMetricFamily("perftwin_demo_queue_length", "Requests waiting for a free worker.",
                queueLength.getAsInt()),
            new GaugeMetricFamily("perftwin_demo_in_service", "Requests holding a worker.", inService.getAsInt()),
            new GaugeMetricFamily("perftwin_demo_paused_requests", "Requests held by the scheduled pause.",
                heldByPause.getAsInt()));
      }
    }.register(registry);
  }

  Histogram.Child serviceSeconds(String endpoint) {
    return serviceSeconds.labels(endpoint);
  }

  Counter.Child served(String endpoint, int status) {
    return served.labels(endpoint, Integer.toString(status));
  }

  void queueWait(long nanos) {
    queueWaitSeconds.observe(nanos / 1e9);
  }

  /** The registry, e.g. to read a value in a test. */
  CollectorRegistry registry() {
    return registry;
  }

  /** Prometheus text exposition format 0.0.4. */
  String scrape() {
    StringWriter w = new StringWriter(4096);
    try {
      TextFormat.write004(w, registry.metricFamilySamples());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
