package io.perftwin.reports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EscapeTest {

  @Test
  void xmlTextEscapesMarkupAndReplacesForbiddenCharacters() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;", Escape.xmlText("a <b> & \"c\" 'd'"));
    assertEquals("x\uFFFDy\nz", Escape.xmlText("x\u0001y\nz"));
    assertEquals("\uD83D\uDE00 \uFFFD", Escape.xmlText("\uD83D\uDE00 \uD800"), "pairs kept, lone surrogate replaced");
  }

  @Test
  void xmlAttributeKeepsLineBreaksAsReferences() {
    assertEquals("a&#10;b&#9;c&#13;", Escape.xmlAttribute("a\nb\tc\r"));
  }

  @Test
  void markdownTextNeutralizesInlineAndBlockMarkup() {
    assertEquals("p99 \\< 50ms", Escape.markdownText("p99 < 50ms"));
    assertEquals("\\*bold\\* \\_x\\_ \\[link\\](y) a\\|b", Escape.markdownText("*bold* _x_ [link](y) a|b"));
    assertEquals("\\- not a list", Escape.markdownText("- not a list"));
    assertEquals("\\#1 not a heading", Escape.markdownText("#1 not a heading"));
    assertEquals("12\\. not ordered", Escape.markdownText("12. not ordered"));
    assertEquals("one two", Escape.markdownText("one\ntwo"));
  }

  @Test
  void markdownCodeSpanSurvivesBackticksAndPipes() {
    assertEquals("`p99 < 50ms`", Escape.markdownCode("p99 < 50ms"));
    assertEquals("`a\\|b`", Escape.markdownCode("a|b"));
    assertEquals("``a`b``", Escape.markdownCode("a`b"));
    assertEquals("`` `x ``", Escape.markdownCode("`x"));
  }
}
