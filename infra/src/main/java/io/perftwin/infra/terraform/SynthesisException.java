package io.perftwin.infra.terraform;

/** The stack could not be synthesized for a reason other than bad input (Node missing, I/O). */
public final class SynthesisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SynthesisException(String message, Throwable cause) {
    super(message, cause);
  }
}
