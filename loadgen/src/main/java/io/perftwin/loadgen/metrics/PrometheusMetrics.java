package io.perftwin.loadgen.metrics;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.IntervalSnapshot;
import io.perftwin.loadgen.RunObserver;
import io.perftwin.loadgen.results.Histograms;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Live metrics of a run in the Prometheus text format, served by simpleclient's HTTP server on
 * {@code /metrics}. Fed once per reporting interval by the engine (as a {@link RunObserver}), so
 * the hot path never touches Prometheus; the histograms are the exact HdrHistogram counts of the
 * run so far, bucketed at scrape time.
 *
 * <table>
 *   <caption>Metrics</caption>
 *   <tr><td>{@code perftwin_requests_total{request}}</td><td>counter</td><td>completed requests, successful or not</td></tr>
 *   <tr><td>{@code perftwin_request_errors_total{request,kind}}</td><td>counter</td><td>failed requests by cause</td></tr>
 *   <tr><td>{@code perftwin_requests_in_flight}</td><td>gauge</td><td>sent or waiting for a connection</td></tr>
 *   <tr><td>{@code perftwin_offered_requests_per_second}</td><td>gauge</td><td>what the running phase offers</td></tr>
 *   <tr><td>{@code perftwin_achieved_requests_per_second}</td><td>gauge</td><td>completions in the last interval</td></tr>
 *   <tr><td>{@code perftwin_response_time_seconds{request}}</td><td>histogram</td><td>from intended start, all phases</td></tr>
 *   <tr><td>{@code perftwin_schedule_lag_seconds}</td><td>histogram</td><td>dispatch time minus intended time</td></tr>
 * </table>
 *
 * {@code _sum} of the histograms is the HdrHistogram mean times the count (exact to the
 * histogram's 3 significant digits).
 */
public final class PrometheusMetrics extends Collector implements RunObserver, AutoCloseable {
  /** Bucket upper bounds, seconds. */
  static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

  private final Map<String, Histogram> responseTimes = new LinkedHashMap<>();
  private final Map<String, Map<ErrorKind, Long>> errors = new LinkedHashMap<>();
  private final Histogram lag = Histograms.create();
  private long inFlight;
  private double offered;
  private double achieved;
  private final CollectorRegistry registry = new CollectorRegistry();
  private HTTPServer server;

  private PrometheusMetrics() {
    registry.register(this);
  }

  /** Metrics for a run, not served (for tests and embedding). */
  public static PrometheusMetrics unserved() {
    return new PrometheusMetrics();
  }

  /** Serves {@code /metrics} on {@code host:port} (port 0: any free port). */
  public static PrometheusMetrics serve(String host, int port) {
    PrometheusMetrics m = new PrometheusMetrics();
    try {
      m.server = new HTTPServer(new InetSocketAddress(host, port), m.registry, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return m;
  }

  /** The port {@code /metrics} is served on, or -1. */
  public int port() {
    return server == null ? -1 : server.getPort();
  }

  public CollectorRegistry registry() {
    return registry;
  }

  @Override
  public synchronized void onInterval(IntervalSnapshot s) {
    for (IntervalSnapshot.RequestInterval r : s.requests()) {
      responseTimes.computeIfAbsent(r.name(), k -> Histograms.create()).add(r.responseTime());
      Map<ErrorKind, Long> e = errors.computeIfAbsent(r.name(), k -> new LinkedHashMap<>());
      r.errorsByKind().forEach((k, v) -> e.merge(k, v, Long::sum));
    }
    lag.add(s.scheduleLag());
    inFlight = s.inFlight();
    offered = s.offeredRate();
    achieved = s.ratePerSecond();
  }

  @Override
  public synchronized List<MetricFamilySamples> collect() {
    List<MetricFamilySamples> out = new ArrayList<>();
    List<MetricFamilySamples.Sample> requests = new ArrayList<>();
    List<MetricFamilySamples.Sample> errorSamples = new ArrayList<>();
    List<MetricFamilySamples.Sample> rt = new ArrayList<>();
    responseTimes.forEach((name, h) -> {
      requests.add(new MetricFamilySamples.Sample("perftwin_requests_total", List.of("request"), List.of(name), h.getTotalCount()));
      histogramSamples("perftwin_response_time_seconds", List.of("request"), List.of(name), h, rt);
    });
    errors.forEach((name, byKind) -> byKind.forEach((kind, count) -> errorSamples.add(new MetricFamilySamples.Sample(
        "perftwin_request_errors_total", List.of("request", "kind"), List.of(name, kind.key()), count))));
    out.add(new MetricFamilySamples("perftwin_requests", Type.COUNTER, "Completed requests, successful or not.", requests));
    out.add(new MetricFamilySamples("perftwin_request_errors", Type.COUNTER, "Failed requests by cause.", errorSamples));
    out.add(gauge("perftwin_requests_in_flight", "Requests sent or waiting for a connection.", inFlight));
    out.add(gauge("perftwin_offered_requests_per_second", "Arrival rate the running phase offers.", offered));
    out.add(gauge("perftwin_achieved_requests_per_second", "Completions per second in the last interval.", achieved));
    out.add(new MetricFamilySamples("perftwin_response_time_seconds", Type.HISTOGRAM,
        "Response time from each request's intended start.", rt));
    List<MetricFamilySamples.Sample> lagSamples = new ArrayList<>();
    histogramSamples("perftwin_schedule_lag_seconds", List.of(), List.of(), lag, lagSamples);
    out.add(new MetricFamilySamples("perftwin_schedule_lag_seconds", Type.HISTOGRAM,
        "Dispatch time minus intended time.", lagSamples));
    return out;
  }

  private static MetricFamilySamples gauge(String name, String help, double value) {
    return new MetricFamilySamples(name, Type.GAUGE, help,
        List.of(new MetricFamilySamples.Sample(name, List.of(), List.of(), value)));
  }

  private static void histogramSamples(String name, List<String> labels, List<String> values, Histogram h,
      List<MetricFamilySamples.Sample> out) {
    List<String> bucketLabels = new ArrayList<>(labels);
    bucketLabels.add("le");
    for (double le : BUCKETS) {
      List<String> v = new ArrayList<>(values);
      v.add(Collector.doubleToGoString(le));
      long count = h.getTotalCount() == 0 ? 0 : h.getCountBetweenValues(0, (long) (le * 1e9));
      out.add(new MetricFamilySamples.Sample(name + "_bucket", bucketLabels, v, count));
    }
    List<String> inf = new ArrayList<>(values);
    inf.add("+Inf");
    out.add(new MetricFamilySamples.Sample(name + "_bucket", bucketLabels, inf, h.getTotalCount()));
    out.add(new MetricFamilySamples.Sample(name + "_count", labels, values, h.getTotalCount()));
    out.add(new MetricFamilySamples.Sample(name + "_sum", labels, values, h.getTotalCount() == 0 ? 0 : h.getMean() * h.getTotalCount() / 1e9));
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
