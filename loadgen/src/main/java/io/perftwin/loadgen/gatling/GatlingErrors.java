package io.perftwin.loadgen.gatling;

import io.perftwin.loadgen.ErrorKind;
import java.util.Locale;

/**
 * Maps the message of a request Gatling counted KO to a perftwin {@link ErrorKind}. Gatling writes
 * a failed check as {@code <check description>, <what was found>} (for example
 * {@code status.find.in(200), but actually found 500}, or a check's {@code name(...)} in front)
 * and a failed exchange as {@code <abbreviated exception class>: <message>}. The mapping, first match wins:
 *
 * <table>
 *   <caption>Gatling KO message to ErrorKind</caption>
 *   <tr><th>message (case-insensitive)</th><th>kind</th></tr>
 *   <tr><td>starts with {@code perftwin-status} or {@code status.}</td><td>{@code status}</td></tr>
 *   <tr><td>starts with {@code perftwin-check}</td><td>{@code checkFailed}</td></tr>
 *   <tr><td>contains {@code connection refused}</td><td>{@code connectRefused}</td></tr>
 *   <tr><td>contains {@code connecttimeoutexception} or {@code connection timed out}</td><td>{@code connectTimeout}</td></tr>
 *   <tr><td>contains {@code timeout} or {@code timed out}</td><td>{@code timeout}</td></tr>
 *   <tr><td>contains {@code reset}, {@code closed} or {@code broken pipe}</td><td>{@code reset}</td></tr>
 *   <tr><td>contains {@code found} or {@code actually}, or a check DSL name ({@code jsonPath}, {@code regex},
 *       {@code substring}, {@code bodyString}, {@code css}, {@code xpath}, {@code header})</td><td>{@code checkFailed}</td></tr>
 *   <tr><td>anything else</td><td>{@code other}</td></tr>
 * </table>
 */
public final class GatlingErrors {
  private GatlingErrors() {}

  /** The kind of the KO message {@code message}. */
  public static ErrorKind classify(String message) {
    String m = message == null ? "" : message.strip().toLowerCase(Locale.ROOT);
    if (m.startsWith("perftwin-status") || m.startsWith("status.")) {
      return ErrorKind.STATUS;
    }
    if (m.startsWith("perftwin-check")) {
      return ErrorKind.CHECK_FAILED;
    }
    if (m.contains("connection refused")) {
      return ErrorKind.CONNECT_REFUSED;
    }
    if (m.contains("connecttimeoutexception") || m.contains("connection timed out")) {
      return ErrorKind.CONNECT_TIMEOUT;
    }
    if (m.contains("timeout") || m.contains("timed out")) {
      return ErrorKind.TIMEOUT;
    }
    if (m.contains("reset") || m.contains("closed") || m.contains("broken pipe")) {
      return ErrorKind.RESET;
    }
    for (String word : new String[] {"found", "actually", "jsonpath", "regex", "substring", "bodystring", "css(",
        "xpath", "header("}) {
      if (m.contains(word)) {
        return ErrorKind.CHECK_FAILED;
      }
    }
    return ErrorKind.OTHER;
  }
}
