package io.perftwin.scenarios.parse;

import io.perftwin.scenarios.ScenarioException;
import io.perftwin.scenarios.ScenarioException.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one parse. Each problem is rendered with its snippet when it is
 * reported, so nothing can go wrong later when the exception is printed.
 */
public final class Problems {
  /** Beyond this many the parse stops collecting; only {@link ScenarioException#MAX_PROBLEMS} are shown. */
  private static final int COLLECT_LIMIT = 1000;

  private final String file;
  private final SourceText source;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final List<String> overrideOrder = new ArrayList<>();
  private final List<String> otherFiles = new ArrayList<>();
  private int dropped;

  /**
   * @param file the file as the caller named it
   * @param source its text, for snippets
   */
  public Problems(String file, SourceText source) {
    this.file = file;
    this.source = source == null ? new SourceText("") : source;
  }

  /**
   * The overrides in command-line order, so that their problems are shown in that order.
   *
   * @param origins {@code --set a=b}, {@code --rate R}, … as in {@link Mark#override()}
   */
  public void overrideOrder(List<String> origins) {
    overrideOrder.clear();
    overrideOrder.addAll(origins);
  }

  public String file() {
    return file;
  }

  public void add(Mark mark, String message) {
    add(mark, message, List.of(), null);
  }

  public void add(Mark mark, String message, List<String> allowed, String suggestion) {
    Problem p;
    if (mark == null) {
      p = new Problem(file, null, 0, 0, message, List.of(), allowed, suggestion);
    } else if (mark.isOverride()) {
      p = new Problem(file, mark.override(), 0, 0, message, List.of(), allowed, suggestion);
    } else if (mark.line() < 1) {
      p = new Problem(file, null, 0, 0, message, List.of(), allowed, suggestion);
    } else {
      int column = Math.max(1, mark.column());
      p = new Problem(file, null, mark.line(), column, message,
          source.snippet(mark.line(), column, mark.length()), allowed, suggestion);
    }
    String key = p.line() + ":" + p.column() + ":" + p.override() + ":" + p.message();
    if (!seen.add(key)) {
      return;
    }
    if (problems.size() >= COLLECT_LIMIT) {
      dropped++;
      return;
    }
    problems.add(p);
  }

  /**
   * Takes over the problems of another file read for this one (an OpenSLO file of
   * {@code sloFiles}); they are shown after this file's own, files in the order they were added.
   */
  public void addAll(Problems other) {
    if (!otherFiles.contains(other.file)) {
      otherFiles.add(other.file);
    }
    for (Problem p : other.problems) {
      if (problems.size() >= COLLECT_LIMIT) {
        dropped++;
      } else if (seen.add(p.file() + ":" + p.line() + ":" + p.column() + ":" + p.override() + ":" + p.message())) {
        problems.add(p);
      }
    }
    dropped += other.dropped;
  }

  /** A problem that has no position, such as an unreadable file; the message names the file. */
  public void addUnpositioned(String message) {
    add(null, message, List.of(), null);
  }

  /**
   * A problem with a scalar's value; when the exception points inside the value and the scalar
   * sits on one line of the file, the mark points at that part of the value.
   */
  public void add(YamlScalar scalar, ValueException e) {
    add(markInside(scalar, e.offset(), e.length()), e.getMessage(), e.allowed(), e.suggestion());
  }

  /** The mark of {@code length} characters at {@code offset} inside the scalar's value, if it can be found in the file. */
  public Mark markInside(YamlScalar scalar, int offset, int length) {
    Mark m = scalar.mark();
    if (offset < 0 || m.isOverride() || m.line() < 1 || scalar.style() == YamlScalar.Style.OTHER) {
      return m;
    }
    String value = scalar.value();
    if (offset > value.length()) {
      return m;
    }
    String part = value.substring(offset, Math.min(value.length(), offset + Math.max(0, length)));
    int quote = scalar.style() == YamlScalar.Style.QUOTED ? 1 : 0;
    String line = source.line(m.line());
    int start = source.charIndex(m.line(), m.column()) + quote + offset;
    if (start < 0 || start + part.length() > line.length() || !line.startsWith(part, start)) {
      return m; // escapes or folding moved the text; mark the whole scalar
    }
    int column = m.column() + quote + line.codePointCount(source.charIndex(m.line(), m.column()) + quote, start);
    return m.shifted(column - m.column(), Math.max(1, part.length()));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public int size() {
    return problems.size();
  }

  /**
   * The exception carrying the problems: this file's first (overrides first, then by position),
   * then those of the other files taken over with {@link #addAll}; at most
   * {@link ScenarioException#MAX_PROBLEMS}.
   */
  public ScenarioException exception() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator
        .comparingInt((Problem p) -> java.util.Objects.equals(p.file(), file) ? 0 : 1 + otherFiles.indexOf(p.file()))
        .thenComparingInt((Problem p) -> p.override() != null ? 0 : p.line() == 0 ? 1 : 2)
        .thenComparingInt(p -> p.override() == null ? 0 : Math.max(0, overrideOrder.indexOf(p.override())))
        .thenComparingInt(Problem::line)
        .thenComparingInt(Problem::column));
    int keep = Math.min(sorted.size(), ScenarioException.MAX_PROBLEMS);
    return new ScenarioException(sorted.subList(0, keep), sorted.size() - keep + dropped);
  }
}
