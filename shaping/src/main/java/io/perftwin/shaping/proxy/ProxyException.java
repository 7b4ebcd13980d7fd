package io.perftwin.shaping.proxy;

/**
 * A control-plane request the proxy refused. {@link #status()} is the HTTP status the
 * toxiproxy-compatible API answers with (400 bad input, 404 unknown proxy or toxic, 409 name
 * already taken, 500 the listen socket could not be opened); the message names the field at fault.
 */
public final class ProxyException extends RuntimeException {
  private final int status;

  public ProxyException(int status, String message) {
    super(message);
    this.status = status;
  }

  public ProxyException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
