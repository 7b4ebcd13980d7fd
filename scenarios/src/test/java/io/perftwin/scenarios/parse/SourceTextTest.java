package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Snippets never throw, whatever the position and whatever the text. */
class SourceTextTest {

  @Test
  void markerUnderTheColumnWithThePreviousLineForContext() {
    SourceText t = new SourceText("a: 1\nbb: 22\n");
    assertEquals(List.of(
        "   1 | a: 1",
        "   2 | bb: 22",
        "     |     ^^"), t.snippet(2, 5, 2));
  }

  @Test
  void lastLineWithoutTrailingNewline() {
    SourceText t = new SourceText("a: 1\nb: x");
    assertEquals(2, t.lineCount());
    assertEquals(List.of(
        "   1 | a: 1",
        "   2 | b: x",
        "     |    ^"), t.snippet(2, 4, 1));
  }

  @Test
  void markerIsClippedToTheLineAndStaysOnItWhenTheColumnIsPastTheEnd() {
    SourceText t = new SourceText("key: value");
    assertEquals("     |      ^^^^^", t.snippet(1, 6, 100).get(1));
    assertEquals("     |           ^", t.snippet(1, 50, 3).get(1));
  }

  @Test
  void tabsBeforeTheColumnAreRepeatedSoTheMarkerLinesUp() {
    SourceText t = new SourceText("a:\t\tvalue");
    assertEquals("     |   \t\t^^^^^", t.snippet(1, 5, 5).get(1));
  }

  @Test
  void emptyTextAndPositionsPastTheEnd() {
    assertEquals(List.of("   1 |", "     | ^"), new SourceText("").snippet(1, 1, 1));
    assertEquals(List.of("   1 | x", "   2 |", "     | ^"), new SourceText("x\n").snippet(2, 1, 1));
    assertEquals(List.of("   4 |", "   5 |", "     | ^"), new SourceText("x").snippet(5, 3, 1));
    assertEquals(List.of(), new SourceText("x").snippet(0, 0, 1));
    assertEquals(List.of("   1 | x", "     | ^"), new SourceText("x").snippet(1, -7, -1));
  }

  @Test
  void lineBreaksAsYamlCountsThem() {
    SourceText t = new SourceText("a\r\nb\rc\u2028d\u0085e\nf");
    assertEquals(List.of("a", "b", "c", "d", "e", "f"),
        List.of(t.line(1), t.line(2), t.line(3), t.line(4), t.line(5), t.line(6)));
  }

  @Test
  void gutterWidensForLongFiles() {
    SourceText t = new SourceText("x\n".repeat(12345));
    assertEquals(List.of(
        "12344 | x",
        "12345 | x",
        "      | ^"), t.snippet(12345, 1, 1));
  }

  @Test
  void columnsCountCodePoints() {
    SourceText t = new SourceText("k: \uD83D\uDE00 x");
    assertEquals("     |       ^", t.snippet(1, 6, 1).get(1)); // the x: the emoji is two chars, and two cells wide
  }
}
