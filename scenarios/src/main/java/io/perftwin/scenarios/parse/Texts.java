package io.perftwin.scenarios.parse;

import java.util.List;

/** Small text helpers for messages. */
final class Texts {
  private Texts() {}

  private static final int MAX_QUOTED = 60;

  /** {@code 'value'}, with line breaks and tabs made visible and long values shortened. */
  static String quote(String value) {
    String v = value == null ? "" : value;
    StringBuilder sb = new StringBuilder(Math.min(v.length(), MAX_QUOTED) + 4);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
      if (sb.length() >= MAX_QUOTED && i < v.length() - 1) {
        sb.append('…');
        break;
      }
    }
    return "'" + sb + "'";
  }

  /** {@code 'a', 'b' and 'c'}. */
  static String quotedList(List<String> items) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        sb.append(i == items.size() - 1 ? " and " : ", ");
      }
      sb.append('\'').append(items.get(i)).append('\'');
    }
    return sb.toString();
  }
}
