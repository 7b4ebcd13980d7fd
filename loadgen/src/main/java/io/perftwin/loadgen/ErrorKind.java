package io.perftwin.loadgen;

/** Why a request counted as an error. The names appear in summary.json and reports. */
public enum ErrorKind {
  /** The connection was refused (nothing listening, or a firewall reject). */
  CONNECT_REFUSED("connectRefused"),
  /** Connecting took longer than the connect timeout. */
  CONNECT_TIMEOUT("connectTimeout"),
  /** The connection was reset or closed before the response was complete. */
  RESET("reset"),
  /** No complete response within the request timeout. */
  TIMEOUT("timeout"),
  /**
   * The response status was not an expected one: 2xx or 3xx, or those of the request's
   * {@link ResponseCheck.StatusIn} check.
   */
  STATUS("status"),
  /** The response failed a check on its body ({@link ResponseCheck.BodyContains}, {@link ResponseCheck.JsonFieldEquals}). */
  CHECK_FAILED("checkFailed"),
  /** Any other I/O or protocol failure. */
  OTHER("other");

  private final String key;

  ErrorKind(String key) {
    this.key = key;
  }

  /** The key used in summary.json, e.g. {@code connectRefused}. */
  public String key() {
    return key;
  }
}
