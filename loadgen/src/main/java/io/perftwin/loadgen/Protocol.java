package io.perftwin.loadgen;

/** The HTTP protocol the engine speaks to the target. */
public enum Protocol {
  /** HTTP/1.1 with keep-alive, one request at a time per connection (no pipelining). */
  HTTP1("http1"),
  /** HTTP/2 over cleartext TCP with prior knowledge (h2c), many concurrent streams per connection. */
  H2C("h2c");

  private final String key;

  Protocol(String key) {
    this.key = key;
  }

  /** The name in scenario files: {@code http1}, {@code h2c}. */
  public String key() {
    return key;
  }
}
