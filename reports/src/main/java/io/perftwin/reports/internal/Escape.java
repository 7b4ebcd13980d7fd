package io.perftwin.reports.internal;

/** Escaping of user text (scenario and request names, objectives, reasons) for each output format. */
public final class Escape {
  private Escape() {}

  /**
   * Text content of XML or HTML: {@code & < > " '} as entities, characters that XML 1.0 forbids
   * (controls other than tab, LF, CR; lone surrogates; U+FFFE, U+FFFF) as U+FFFD.
   */
  public static String xmlText(String s) {
    return xml(s, false);
  }

  /** An attribute value of XML or HTML; as {@link #xmlText} and also tab, LF, CR as character references, so parsers keep them. */
  public static String xmlAttribute(String s) {
    return xml(s, true);
  }

  /** HTML text or attribute value (double-quoted). */
  public static String html(String s) {
    return xml(s, false);
  }

  private static String xml(String s, boolean attribute) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\t', '\n', '\r' -> {
          if (attribute) {
            out.append("&#").append(c).append(';');
          } else {
            out.appendCodePoint(c);
          }
        }
        default -> out.appendCodePoint(allowedInXml(c) ? c : 0xFFFD);
      }
    });
    return out.toString();
  }

  private static boolean allowedInXml(int c) {
    return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /**
   * Markdown inline text: line breaks become spaces, characters that could start markup are
   * backslash-escaped, and so is a leading character that would start a block (list, heading, quote).
   */
  public static String markdownText(String s) {
    String oneLine = s.replaceAll("\\R", " ");
    StringBuilder out = new StringBuilder(oneLine.length() + 8);
    for (int i = 0; i < oneLine.length(); i++) {
      char c = oneLine.charAt(i);
      if ("\\`*_[]<>|#~&!".indexOf(c) >= 0 || (i == 0 && "-+=".indexOf(c) >= 0)) {
        out.append('\\');
      }
      out.append(c);
    }
    if (oneLine.matches("\\d+[.)].*")) { // "1. x" would start an ordered list
      int digits = 0;
      while (Character.isDigit(out.charAt(digits))) {
        digits++;
      }
      out.insert(digits, '\\');
    }
    return out.toString();
  }

  /**
   * A Markdown code span for a table cell: the text verbatim (line breaks as spaces), {@code |}
   * escaped for the table, delimited by one more backtick than the longest run inside.
   */
  public static String markdownCode(String s) {
    String text = s.replaceAll("\\R", " ").replace("|", "\\|");
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return fence + pad + text + pad + fence;
  }
}
