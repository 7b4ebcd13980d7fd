package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.ErrorKind;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Maps a failure of the HTTP client to an {@link ErrorKind}. */
final class ErrorClassifier {
  private ErrorClassifier() {}

  static ErrorKind classify(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String type = c.getClass().getName();
      String message = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
      if (type.equals("io.netty.channel.ConnectTimeoutException")) {
        return ErrorKind.CONNECT_TIMEOUT;
      }
      if (c instanceof TimeoutException) {
        return ErrorKind.TIMEOUT;
      }
      if (c instanceof ConnectException || message.contains("connection refused")) {
        return ErrorKind.CONNECT_REFUSED;
      }
      if (c instanceof ClosedChannelException
          || type.endsWith("HttpClosedException")
          || (c instanceof IOException && (message.contains("reset") || message.contains("closed")))) {
        return ErrorKind.RESET;
      }
      if (c == c.getCause()) {
        break;
      }
    }
    return ErrorKind.OTHER;
  }
}
