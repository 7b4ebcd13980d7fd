package io.perftwin.loadgen;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A condition a response must meet to count as a success. A request whose response fails a check
 * is an error: {@link ErrorKind#STATUS} for {@link StatusIn}, {@link ErrorKind#CHECK_FAILED} for
 * the others (see {@link #errorKind()}).
 *
 * <p>Without any {@link StatusIn} among a request's checks, the status must be 2xx or 3xx
 * ({@link #DEFAULT_STATUS}); see {@link RequestTemplate#effectiveChecks()}.
 *
 * <p>{@link #test} is pure and never throws, whatever the body: a body that is not JSON fails a
 * {@link JsonFieldEquals}, it does not break the run.
 */
public sealed interface ResponseCheck {

  /** The status check that applies when a request has none: 2xx or 3xx. */
  StatusIn DEFAULT_STATUS = StatusIn.parse("2xx", "3xx");

  /** A short description for reports: {@code status in 2xx}, {@code body contains 'ok'}. */
  String describe();

  /**
   * Whether a response passes.
   *
   * @param status the HTTP status code
   * @param body the response body as text, or {@code null} if it was not read
   */
  boolean test(int status, String body);

  /** Whether {@link #test} looks at the body, so an engine can skip reading it when none does. */
  boolean needsBody();

  /** What a failure of this check counts as. */
  ErrorKind errorKind();

  /**
   * The status is one of {@code statuses}.
   *
   * @param statuses status codes, each in {@code [100, 599]}, at least one
   */
  record StatusIn(Set<Integer> statuses) implements ResponseCheck {
    private static final Pattern CLASS = Pattern.compile("[1-5]xx");

    public StatusIn {
      statuses = Set.copyOf(statuses);
      if (statuses.isEmpty()) {
        throw new IllegalArgumentException("a status check needs one status at least");
      }
      for (int s : statuses) {
        if (s < 100 || s > 599) {
          throw new IllegalArgumentException("status " + s + " is not in [100, 599]");
        }
      }
    }

    /** The check for exactly these codes. */
    public static StatusIn of(int... codes) {
      Set<Integer> set = new TreeSet<>();
      for (int c : codes) {
        set.add(c);
      }
      return new StatusIn(set);
    }

    /**
     * The check for codes ({@code "200"}) and classes ({@code "2xx"} = 200 to 299).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static StatusIn parse(String... specs) {
      Set<Integer> set = new TreeSet<>();
      for (String spec : specs) {
        String s = spec.strip();
        if (CLASS.matcher(s).matches()) {
          int base = (s.charAt(0) - '0') * 100;
          for (int c = base; c < base + 100; c++) {
            set.add(c);
          }
        } else if (s.matches("[0-9]{3}")) {
          set.add(Integer.parseInt(s));
        } else {
          throw new IllegalArgumentException("'" + s + "' is not a status code (100 to 599) or a class such as 2xx");
        }
      }
      return new StatusIn(set);
    }

    /** The statuses in the shortest spelling, sorted: {@code [2xx, 404]}. Whole classes are written {@code Nxx}. */
    public List<String> codes() {
      TreeSet<Integer> sorted = new TreeSet<>(statuses);
      List<String> out = new ArrayList<>();
      for (int cls = 100; cls < 600; cls += 100) {
        Set<Integer> inClass = sorted.subSet(cls, cls + 100);
        if (inClass.size() == 100) {
          out.add(cls / 100 + "xx");
        } else {
          inClass.forEach(c -> out.add(Integer.toString(c)));
        }
      }
      return out;
    }

    /** {@code StatusIn[2xx, 404]}: the codes in their short spelling, sorted. */
    @Override
    public String toString() {
      return "StatusIn" + codes();
    }

    @Override
    public String describe() {
      List<String> codes = codes();
      return codes.size() == 1 && !codes.get(0).endsWith("xx") ? "status " + codes.get(0) : "status in " + String.join(", ", codes);
    }

    @Override
    public boolean test(int status, String body) {
      return status >= 100 && status <= 599 && statuses.contains(StatusCodes.boxed(status));
    }

    @Override
    public boolean needsBody() {
      return false;
    }

    @Override
    public ErrorKind errorKind() {
      return ErrorKind.STATUS;
    }
  }

  /**
   * The body contains {@code text} (case-sensitive).
   *
   * @param text non-empty
   */
  record BodyContains(String text) implements ResponseCheck {
    public BodyContains {
      Objects.requireNonNull(text, "text");
      if (text.isEmpty()) {
        throw new IllegalArgumentException("bodyContains needs a non-empty text");
      }
    }

    @Override
    public String describe() {
      return "body contains '" + text + "'";
    }

    @Override
    public boolean test(int status, String body) {
      return body != null && body.contains(text);
    }

    @Override
    public boolean needsBody() {
      return true;
    }

    @Override
    public ErrorKind errorKind() {
      return ErrorKind.CHECK_FAILED;
    }
  }

  /**
   * The body is JSON and the value at {@code jsonPointer} (RFC 6901, e.g. {@code /ok},
   * {@code /items/0/id}) equals {@code expected}: for a string, its text; for a number, boolean or
   * null, how JSON writes it ({@code 42}, {@code true}, {@code null}); for an object or array, its
   * compact JSON ({@code {"a":1}}). A body that is not JSON (trailing text included), or has
   * nothing at the pointer, fails.
   *
   * @param jsonPointer a JSON pointer: empty (the whole document) or starting with {@code /}
   * @param expected the expected value, as text
   */
  record JsonFieldEquals(String jsonPointer, String expected) implements ResponseCheck {
    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public JsonFieldEquals {
      Objects.requireNonNull(jsonPointer, "jsonPointer");
      Objects.requireNonNull(expected, "expected");
      JsonPointer.compile(jsonPointer); // throws IllegalArgumentException if malformed
    }

    @Override
    public String describe() {
      return "json " + jsonPointer + " == '" + expected + "'";
    }

    @Override
    public boolean test(int status, String body) {
      if (body == null) {
        return false;
      }
      try {
        JsonNode node = JSON.readTree(body).at(jsonPointer);
        if (node == null || node.isMissingNode()) {
          return false;
        }
        String actual = node.isValueNode() ? node.asText() : node.toString();
        return expected.equals(actual);
      } catch (Exception | StackOverflowError e) { // not JSON, or JSON too deep: the check fails
        return false;
      }
    }

    @Override
    public boolean needsBody() {
      return true;
    }

    @Override
    public ErrorKind errorKind() {
      return ErrorKind.CHECK_FAILED;
    }
  }
}
