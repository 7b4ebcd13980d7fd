package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.NanoClock;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.ResponseCheck;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.List;

/**
 * Requests through Vert.x's {@link HttpClient}: used for HTTP/2 cleartext (h2c, prior knowledge),
 * where Vert.x multiplexes streams over the pooled connections. Costs a few futures per request,
 * so HTTP/1.1 uses {@link Http1Transport} instead.
 */
final class VertxHttpTransport implements Transport {
  private final HttpClient client;
  private final RequestRenderer[] renderers;
  private final List<RequestTemplate> templates;
  private final String host;
  private final int port;
  private final NanoClock clock;
  private final Completion completion;
  private final long planTimeoutMillis;

  VertxHttpTransport(Vertx vertx, NanoClock clock, Completion completion, URI target, int connections,
      List<RequestTemplate> templates, RequestRenderer[] renderers, long timeoutMillis, boolean h2c) {
    this.clock = clock;
    this.completion = completion;
    this.templates = templates;
    this.renderers = renderers;
    this.planTimeoutMillis = timeoutMillis;
    HttpClientOptions clientOptions = new HttpClientOptions()
        .setKeepAlive(true)
        .setTcpNoDelay(true)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
    if (h2c) {
      clientOptions.setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false);
    }
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(connections).setHttp2MaxSize(connections).setMaxWaitQueueSize(-1);
    client = vertx.createHttpClient(clientOptions, pool);
    host = target.getHost();
    port = target.getPort() > 0 ? target.getPort() : 80;
  }

  @Override
  public void submit(int phase, int name, int user, long intendedNanos, long nowNanos) {
    RequestTemplate t = templates.get(name);
    RequestRenderer.Parts parts = renderers[name].nextParts();
    long timeoutMillis = t.timeout() == null ? planTimeoutMillis : Math.max(1, t.timeout().toMillis());
    RequestOptions o = new RequestOptions()
        .setMethod(HttpMethod.valueOf(t.method()))
        .setHost(host)
        .setPort(port)
        .setURI(parts.path())
        .setConnectTimeout(timeoutMillis)
        .setIdleTimeout(timeoutMillis);
    parts.headers().forEach(h -> o.addHeader(h.name(), h.value()));
    boolean needsBody = t.effectiveChecks().stream().anyMatch(ResponseCheck::needsBody);
    client.request(o).onComplete(ar -> {
      if (ar.failed()) {
        completion.complete(phase, name, user, intendedNanos, -1, ErrorClassifier.classify(ar.cause()));
        return;
      }
      HttpClientRequest request = ar.result();
      long sentNanos = clock.nanoTime();
      Future<HttpClientResponse> response = parts.body() == null ? request.send() : request.send(Buffer.buffer(parts.body()));
      response
          .compose(resp -> needsBody
              ? resp.body().map(b -> check(t, resp.statusCode(), b.toString()))
              : resp.end().map(v -> check(t, resp.statusCode(), null)))
          .onComplete(ar2 -> completion.complete(phase, name, user, intendedNanos, sentNanos,
              ar2.failed() ? ErrorClassifier.classify(ar2.cause()) : ar2.result().orElse(null)));
    });
  }

  private static java.util.Optional<ErrorKind> check(RequestTemplate t, int status, String body) {
    for (ResponseCheck c : t.effectiveChecks()) {
      if (!c.test(status, body)) {
        return java.util.Optional.of(c.errorKind());
      }
    }
    return java.util.Optional.empty();
  }

  @Override
  public void close() {
    client.close();
  }
}
