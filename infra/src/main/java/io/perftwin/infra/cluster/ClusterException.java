package io.perftwin.infra.cluster;

/** The local cluster could not be brought up, used or taken down; the message says why. */
public final class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterException(String message) {
    super(message);
  }

  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
