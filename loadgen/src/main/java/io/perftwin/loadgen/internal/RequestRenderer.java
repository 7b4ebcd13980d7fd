package io.perftwin.loadgen.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.perftwin.loadgen.Feeder;
import io.perftwin.loadgen.LoadPlan;
import io.perftwin.loadgen.RequestTemplate;
import io.perftwin.loadgen.Template;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces the wire bytes of one request template for one event loop. A template without
 * placeholders is encoded once ({@link RequestBytes}); otherwise every request draws one row from
 * each feeder it uses (from this loop's cursors) and is rendered into a fresh buffer.
 */
final class RequestRenderer {
  private static final String[] NO_VALUES = new String[0];
  private final ByteBuf constant;
  private final RequestTemplate template;
  private final String method;
  private final String hostHeader;
  private final Template path;
  private final List<String> headerNames = new ArrayList<>();
  private final List<Template> headerValues = new ArrayList<>();
  private final Template body;
  /** For each feeder this request uses: its cursor, and rows. */
  private final Feeder.Cursor[] cursors;
  private final Feeder[] feeders;
  private final int[] rowOfFeeder;

  RequestRenderer(RequestTemplate t, LoadPlan plan, URI target, Feeder.Cursor[] loopCursors) {
    template = t;
    method = t.method();
    hostHeader = target.getHost() + (target.getPort() > 0 ? ":" + target.getPort() : "");
    if (t.variables().isEmpty()) {
      constant = RequestBytes.encode(t, target);
      path = null;
      body = null;
      cursors = new Feeder.Cursor[0];
      feeders = new Feeder[0];
      rowOfFeeder = new int[0];
      return;
    }
    constant = null;
    path = Template.parse(t.path());
    for (RequestTemplate.Header h : t.headers()) {
      headerNames.add(h.name());
      headerValues.add(Template.parse(h.value()));
    }
    body = t.body() == null ? null : Template.parse(t.body());
    List<Feeder> used = new ArrayList<>();
    List<Feeder.Cursor> usedCursors = new ArrayList<>();
    for (String v : t.variables()) {
      Feeder f = plan.feederOf(v);
      if (!used.contains(f)) {
        used.add(f);
        usedCursors.add(loopCursors[plan.feeders().indexOf(f)]);
      }
    }
    feeders = used.toArray(new Feeder[0]);
    cursors = usedCursors.toArray(new Feeder.Cursor[0]);
    rowOfFeeder = new int[feeders.length];
  }

  /**
   * The encoded request when the template has no placeholders (every request is these bytes),
   * else null. Not to be released or modified.
   */
  ByteBuf constantBytes() {
    return constant;
  }

  /** The bytes of the next request; the caller writes (and so releases) them. */
  ByteBuf next(ByteBufAllocator alloc) {
    if (constant != null) {
      return constant.duplicate();
    }
    for (int f = 0; f < feeders.length; f++) {
      rowOfFeeder[f] = cursors[f].next();
    }
    byte[] bodyBytes = body == null ? null : render(body).getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(128)
        .append(method).append(' ').append(render(path)).append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
    boolean hasLength = false;
    for (int i = 0; i < headerNames.size(); i++) {
      head.append(headerNames.get(i)).append(": ").append(render(headerValues.get(i))).append("\r\n");
      hasLength |= headerNames.get(i).equalsIgnoreCase("content-length");
    }
    if (!hasLength && (bodyBytes != null || method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
      head.append("Content-Length: ").append(bodyBytes == null ? 0 : bodyBytes.length).append("\r\n");
    }
    head.append("\r\n");
    ByteBuf buf = alloc.ioBuffer(head.length() * 2 + (bodyBytes == null ? 0 : bodyBytes.length));
    buf.writeCharSequence(head, StandardCharsets.UTF_8);
    if (bodyBytes != null) {
      buf.writeBytes(bodyBytes);
    }
    return buf;
  }

  /** A request as strings, for transports that build their own requests (h2c). */
  record Parts(String path, List<RequestTemplate.Header> headers, String body) {}

  /** The next request as strings; draws feeder rows like {@link #next}. */
  Parts nextParts() {
    if (constant != null) {
      List<RequestTemplate.Header> headers = new ArrayList<>(template.headers().size());
      template.headers().forEach(h -> headers.add(new RequestTemplate.Header(h.name(), RequestBytes.literal(h.value()))));
      return new Parts(RequestBytes.literal(template.path()), headers,
          template.body() == null ? null : RequestBytes.literal(template.body()));
    }
    for (int f = 0; f < feeders.length; f++) {
      rowOfFeeder[f] = cursors[f].next();
    }
    List<RequestTemplate.Header> headers = new ArrayList<>(headerNames.size());
    for (int i = 0; i < headerNames.size(); i++) {
      headers.add(new RequestTemplate.Header(headerNames.get(i), render(headerValues.get(i))));
    }
    return new Parts(render(path), headers, body == null ? null : render(body));
  }

  private String render(Template template) {
    if (template.isConstant()) {
      return template.render(NO_VALUES);
    }
    List<String> vars = template.variables();
    String[] values = new String[vars.size()];
    for (int v = 0; v < values.length; v++) {
      values[v] = valueOf(vars.get(v));
    }
    return template.render(values);
  }

  private String valueOf(String variable) {
    for (int f = 0; f < feeders.length; f++) {
      int column = feeders[f].columnIndex(variable);
      if (column >= 0) {
        return feeders[f].rows().get(rowOfFeeder[f]).get(column);
      }
    }
    throw new IllegalStateException("no feeder provides '" + variable + "'"); // LoadPlan validated this
  }
}
