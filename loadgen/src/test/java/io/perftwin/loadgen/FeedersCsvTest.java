package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.perftwin.loadgen.Feeder.Strategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedersCsvTest {

  private static Feeder parse(String csv) {
    return Feeders.parseCsv(csv, "skus.csv", "skus", Strategy.SEQUENTIAL);
  }

  private static String error(String csv) {
    return assertThrows(IllegalArgumentException.class, () -> parse(csv)).getMessage();
  }

  @Test
  void headerNamesTheColumns() {
    Feeder f = parse("sku,name\nA-1,Widget\nA-2,Gadget\n");
    assertEquals(List.of("sku", "name"), f.columns());
    assertEquals(List.of(List.of("A-1", "Widget"), List.of("A-2", "Gadget")), f.rows());
    assertEquals("skus", f.name());
    assertEquals(Strategy.SEQUENTIAL, f.strategy());
  }

  @Test
  void crlfAndNoFinalLineBreak() {
    assertEquals(List.of(List.of("A-1", "Widget"), List.of("A-2", "Gadget")),
        parse("sku,name\r\nA-1,Widget\r\nA-2,Gadget").rows());
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaks() {
    Feeder f = parse("sku,name\r\n\"A-1\",\"Widget, large\"\r\nA-2,\"say \"\"hi\"\"\"\r\nA-3,\"two\r\nlines\"\r\nA-4,\"\"\r\n");
    assertEquals(List.of(
        List.of("A-1", "Widget, large"),
        List.of("A-2", "say \"hi\""),
        List.of("A-3", "two\r\nlines"),
        List.of("A-4", "")), f.rows());
  }

  @Test
  void emptyFieldsSpacesBlankLinesAndByteOrderMark() {
    Feeder f = parse("\uFEFF sku , name\n\nA-1,\n, Gadget \n\n");
    assertEquals(List.of("sku", "name"), f.columns()); // header names are trimmed
    assertEquals(List.of(List.of("A-1", ""), List.of("", " Gadget ")), f.rows()); // values are not
  }

  @Test
  void wrongFieldCountNamesTheLineCountingLineBreaksInsideQuotes() {
    assertEquals("skus.csv:5: 1 field, the header has 2 (sku, name)",
        error("sku,name\nA-1,\"multi\nline\"\nA-2,x\nA-3\n"));
    assertEquals("skus.csv:3: 3 fields, the header has 2 (sku, name)", error("sku,name\r\nA-1,x\r\nA-2,x,y\r\n"));
  }

  @Test
  void unclosedQuoteNamesTheLineWhereItOpened() {
    assertEquals("skus.csv:3: a quoted field is not closed; the file ends inside it",
        error("sku,name\nA-1,x\nA-2,\"open\nand on\n"));
  }

  @Test
  void quoteInsideAnUnquotedField() {
    assertEquals("skus.csv:2: a '\"' inside a field that does not start with one; enclose the whole field in quotes"
        + " and double the quote inside it (\"a\"\"b\")", error("sku,name\nA-1,5\" screen\n"));
  }

  @Test
  void textAfterTheClosingQuote() {
    assertEquals("skus.csv:2: text after the closing '\"' of a quoted field; a quote inside a quoted field is written twice (\"\")",
        error("sku,name\nA-1,\"5\" screen\"\n"));
  }

  @Test
  void headerProblems() {
    assertEquals("skus.csv: the file is empty; a CSV feeder needs a header row and one data row at least", error(""));
    assertEquals("skus.csv: the file is empty; a CSV feeder needs a header row and one data row at least", error("\r\n\n"));
    assertEquals("skus.csv: no data rows after the header; a CSV feeder needs one at least", error("sku,name\n"));
    assertEquals("skus.csv:1: column 2 of the header is empty; every column needs a name", error("sku,,name\na,b,c\n"));
    assertEquals("skus.csv:1: duplicate column 'sku' in the header (columns 1 and 3)", error("sku,name,sku\na,b,c\n"));
    assertEquals("skus.csv:2: column name 'unit price' must start with a letter or '_' and go on with letters, digits,"
        + " '_', '.' or '-' (at most 64), as templates use it: ${name}", error("\nsku,unit price\na,b\n"));
  }

  @Test
  void readsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("skus.csv");
    Files.writeString(file, "sku\r\nA-1\r\nÄ-2\r\n", StandardCharsets.UTF_8);
    Feeder f = Feeders.readCsv(file, "skus", Strategy.SHUFFLE);
    assertEquals(List.of(List.of("A-1"), List.of("Ä-2")), f.rows());
    assertEquals(Strategy.SHUFFLE, f.strategy());

    Files.write(file, new byte[] {'s', 'k', 'u', '\n', (byte) 0xC3, '\n'});
    assertEquals(file + ": not UTF-8 text",
        assertThrows(IllegalArgumentException.class, () -> Feeders.readCsv(file, "skus", Strategy.SEQUENTIAL)).getMessage());
    Files.writeString(file, "sku\nA-1,extra\n");
    assertEquals(file + ":2: 2 fields, the header has 1 (sku)",
        assertThrows(IllegalArgumentException.class, () -> Feeders.readCsv(file, "skus", Strategy.SEQUENTIAL)).getMessage());
    assertThrows(NoSuchFileException.class, () -> Feeders.readCsv(dir.resolve("missing.csv"), "skus", Strategy.SEQUENTIAL));
  }
}
