package io.perftwin.loadgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.perftwin.loadgen.ConstantRate;
import io.perftwin.loadgen.IntervalSnapshot;
import io.perftwin.loadgen.LoadEngines;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.Phase;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.RunControl;
import io.perftwin.loadgen.StallingServer;
import io.perftwin.loadgen.results.LatencyLogWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class PrometheusMetricsTest {

  private static String scrape(int port) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    return r.body();
  }

  private static double value(String text, String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
    assertTrue(m.find(), () -> series + " not in\n" + text);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void liveMetricsAddUpToTheRun() throws Exception {
    try (StallingServer server = new StallingServer(Long.MAX_VALUE, 0, 0);
        PrometheusMetrics metrics = PrometheusMetrics.serve("127.0.0.1", 0)) {
      LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:" + server.port()), 4, 2,
          List.of(new Phase("steady", Duration.ofSeconds(3), new ConstantRate(200), false)),
          List.of(new RequestTemplate("home", 1, "GET", "/", List.of(), null)),
          5, Duration.ofSeconds(5), Duration.ofMillis(50));
      AtomicReference<String> midRun = new AtomicReference<>();
      LoadEngines.vertx().run(plan, s -> {
        metrics.onInterval(s);
        if (s.elapsedSeconds() >= 1.5 && midRun.get() == null) {
          try {
            midRun.set(scrape(metrics.port()));
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }
      }, LatencyLogWriter.discarding(), new RunControl());

      double seenMidRun = value(midRun.get(), "perftwin_requests_total{request=\"home\",}");
      assertTrue(seenMidRun >= 200 && seenMidRun < 600, "live count mid-run: " + seenMidRun);
      assertEquals(200.0, value(midRun.get(), "perftwin_offered_requests_per_second"), 1e-9);

      String end = scrape(metrics.port());
      assertEquals(600, value(end, "perftwin_requests_total{request=\"home\",}"));
      assertEquals(600, value(end, "perftwin_response_time_seconds_count{request=\"home\",}"));
      assertEquals(600, value(end, "perftwin_response_time_seconds_bucket{request=\"home\",le=\"+Inf\",}"));
      assertEquals(600, value(end, "perftwin_schedule_lag_seconds_count"));
      assertEquals(0, value(end, "perftwin_requests_in_flight"));
      double under10ms = value(end, "perftwin_response_time_seconds_bucket{request=\"home\",le=\"0.01\",}");
      double under1ms = value(end, "perftwin_response_time_seconds_bucket{request=\"home\",le=\"0.001\",}");
      assertTrue(under1ms <= under10ms && under10ms <= 600, under1ms + " " + under10ms);
      assertTrue(end.contains("# TYPE perftwin_response_time_seconds histogram"), end);
      assertTrue(end.contains("# TYPE perftwin_requests_total counter"), end);
    }
  }

  @Test
  void errorsAreCountedByKind() {
    PrometheusMetrics m = PrometheusMetrics.unserved();
    org.HdrHistogram.Histogram h = io.perftwin.loadgen.results.Histograms.create();
    h.recordValue(2_000_000);
    m.onInterval(new IntervalSnapshot(1, "steady", 1, 1, 1, 2, 1, 1, 0, 10,
        List.of(new IntervalSnapshot.RequestInterval("home", h, java.util.Map.of(io.perftwin.loadgen.ErrorKind.TIMEOUT, 1L))), h));
    List<io.prometheus.client.Collector.MetricFamilySamples> families = java.util.Collections.list(m.registry().metricFamilySamples());
    io.prometheus.client.Collector.MetricFamilySamples errors = families.stream()
        .filter(f -> f.name.equals("perftwin_request_errors")).findFirst().orElseThrow();
    assertEquals(List.of("home", "timeout"), errors.samples.get(0).labelValues);
    assertEquals(1.0, errors.samples.get(0).value);
  }
}
