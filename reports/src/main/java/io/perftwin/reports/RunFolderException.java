package io.perftwin.reports;

/**
 * A run folder that cannot be read back: a missing file, unparseable JSON, a corrupt or
 * truncated {@code latency.hlog}, or a baseline that does not fit the run. The message names the
 * file and says what is wrong, ready to print as it is; the command line turns it into exit 2.
 */
public final class RunFolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunFolderException(String message) {
    super(message);
  }

  public RunFolderException(String message, Throwable cause) {
    super(message, cause);
  }
}
