package io.perftwin.scenarios.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a scenario file, for snippets. Lines are split where YAML (and SnakeYAML's marks)
 * split them: {@code \n}, {@code \r\n}, {@code \r}, U+0085, U+2028 and U+2029. Nothing here throws:
 * positions outside the text are clamped.
 */
public final class SourceText {
  private final List<String> lines = new ArrayList<>();

  public SourceText(String text) {
    String t = text == null ? "" : text;
    int start = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        lines.add(t.substring(start, i));
        start = i + 1;
      } else if (c == '\r') {
        lines.add(t.substring(start, i));
        if (i + 1 < t.length() && t.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(t.substring(start));
  }

  /** Number of lines; a text ending in a line break has an empty last line. */
  public int lineCount() {
    return lines.size();
  }

  /** Line {@code n} (1-based), or {@code ""} if there is no such line. */
  public String line(int n) {
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
  }

  /**
   * The char index in line {@code n} of 1-based code-point column {@code column}, clamped to the
   * line.
   */
  public int charIndex(int n, int column) {
    String l = line(n);
    int codePoints = Math.max(0, column - 1);
    int available = l.codePointCount(0, l.length());
    return l.offsetByCodePoints(0, Math.min(codePoints, available));
  }

  /**
   * The line before {@code line} (if any) and {@code line}, each behind a gutter with its number,
   * then a line of {@code ^} under {@code length} characters from {@code column}. Tabs before the
   * column are repeated in the marker line so that it lines up in a terminal.
   */
  public List<String> snippet(int line, int column, int length) {
    List<String> out = new ArrayList<>(3);
    if (line < 1) {
      return out;
    }
    int width = Math.max(4, Integer.toString(line).length());
    if (line > 1) {
      out.add(gutter(line - 1, width) + line(line - 1));
    }
    String text = line(line);
    out.add(gutter(line, width) + text);
    int at = charIndex(line, column);
    StringBuilder marker = new StringBuilder(" ".repeat(width)).append(" | ");
    for (int i = 0; i < at; i++) {
      marker.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    int carets = Math.max(1, Math.min(length, text.length() - at));
    marker.append("^".repeat(carets));
    out.add(marker.toString());
    out.replaceAll(SourceText::stripTrailing);
    return out;
  }

  private static String gutter(int n, int width) {
    String num = Integer.toString(n);
    return " ".repeat(Math.max(0, width - num.length())) + num + " | ";
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(0, end);
  }
}
