package io.perftwin.shaping;

/** Shaping could not be planned, applied or removed; the message says what and why. */
public class ShapingException extends RuntimeException {
  public ShapingException(String message) {
    super(message);
  }

  public ShapingException(String message, Throwable cause) {
    super(message, cause);
  }
}
