package io.perftwin.loadgen;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Feeder feeders} from CSV files.
 *
 * <p>The format is RFC 4180: fields separated by commas, records by line breaks (CRLF as the RFC
 * says, LF and lone CR accepted too); a field may be enclosed in double quotes, and must be if it
 * contains a comma, a quote or a line break; a quote inside a quoted field is written twice
 * ({@code "say ""hi"""}). The first record is the header and names the columns (surrounding spaces
 * trimmed; each name must match {@link Feeder#COLUMN}, since templates use it as the variable
 * name); every other record is a row with exactly one field per column. Values are taken as they
 * are, spaces included. Empty lines are skipped (write {@code ""} for a row whose only value is
 * empty). A UTF-8 byte-order mark is ignored.
 *
 * <p>A malformed file is an {@link IllegalArgumentException} whose message starts with the
 * source and the line the problem is on: {@code data/skus.csv:5: 2 fields, the header has 3 (sku,
 * name, price)}.
 */
public final class Feeders {
  private Feeders() {}

  /**
   * Reads a CSV file (UTF-8) into a feeder. Messages name the file as {@code file.toString()}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is not UTF-8 or not well-formed CSV, or has no data row
   */
  public static Feeder readCsv(Path file, String name, Feeder.Strategy strategy) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text = Utf8.decodeStrict(bytes);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text");
    }
    return parseCsv(text, file.toString(), name, strategy);
  }

  /**
   * Parses CSV text into a feeder.
   *
   * @param source how messages name the text, e.g. the file name
   * @throws IllegalArgumentException if it is not well-formed CSV, or has no data row
   */
  public static Feeder parseCsv(String text, String source, String name, Feeder.Strategy strategy) {
    List<Record> records = new CsvReader(text, source).records();
    if (records.isEmpty()) {
      throw new IllegalArgumentException(source + ": the file is empty; a CSV feeder needs a header row and one data row at least");
    }
    Record header = records.get(0);
    List<String> columns = columns(header, source);
    if (records.size() == 1) {
      throw new IllegalArgumentException(source + ": no data rows after the header; a CSV feeder needs one at least");
    }
    List<List<String>> rows = new ArrayList<>(records.size() - 1);
    for (Record r : records.subList(1, records.size())) {
      if (r.fields.size() != columns.size()) {
        throw new IllegalArgumentException(source + ":" + r.line + ": " + r.fields.size() + " field"
            + (r.fields.size() == 1 ? "" : "s") + ", the header has " + columns.size() + " ("
            + String.join(", ", columns) + ")");
      }
      rows.add(r.fields);
    }
    return new Feeder(name, columns, rows, strategy);
  }

  private static List<String> columns(Record header, String source) {
    List<String> columns = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.fields.size(); i++) {
      String c = header.fields.get(i).strip();
      String at = source + ":" + header.line + ": ";
      if (c.isEmpty()) {
        throw new IllegalArgumentException(at + "column " + (i + 1) + " of the header is empty; every column needs a name");
      }
      if (!Feeder.COLUMN.matcher(c).matches()) {
        throw new IllegalArgumentException(at + "column name '" + c + "' must start with a letter or '_' and go on with "
            + "letters, digits, '_', '.' or '-' (at most 64), as templates use it: ${name}");
      }
      Integer first = seen.putIfAbsent(c, i + 1);
      if (first != null) {
        throw new IllegalArgumentException(at + "duplicate column '" + c + "' in the header (columns " + first + " and " + (i + 1) + ")");
      }
      columns.add(c);
    }
    return columns;
  }

  /** One CSV record and the line it starts on. */
  private record Record(int line, List<String> fields) {}

  /** An RFC 4180 reader over a string, counting physical lines (line breaks in quotes included). */
  private static final class CsvReader {
    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    CsvReader(String text, String source) {
      this.text = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
      this.source = source;
    }

    List<Record> records() {
      List<Record> records = new ArrayList<>();
      while (pos < text.length()) {
        if (atLineBreak()) { // an empty line
          skipLineBreak();
          continue;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        while (true) {
          fields.add(field());
          if (pos >= text.length()) {
            break;
          }
          if (text.charAt(pos) == ',') {
            pos++;
            continue;
          }
          skipLineBreak(); // field() stops only at a comma, a line break or the end
          break;
        }
        records.add(new Record(start, List.copyOf(fields)));
      }
      return records;
    }

    private String field() {
      if (pos < text.length() && text.charAt(pos) == '"') {
        return quoted();
      }
      int start = pos;
      while (pos < text.length() && text.charAt(pos) != ',' && !atLineBreak()) {
        if (text.charAt(pos) == '"') {
          throw new IllegalArgumentException(source + ":" + line + ": a '\"' inside a field that does not start with one;"
              + " enclose the whole field in quotes and double the quote inside it (\"a\"\"b\")");
        }
        pos++;
      }
      return text.substring(start, pos);
    }

    private String quoted() {
      int openedAt = line;
      pos++; // the opening quote
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw new IllegalArgumentException(source + ":" + openedAt + ": a quoted field is not closed; the file ends inside it");
        }
        char c = text.charAt(pos);
        if (c == '"') {
          if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
            sb.append('"');
            pos += 2;
            continue;
          }
          pos++; // the closing quote
          if (pos < text.length() && text.charAt(pos) != ',' && !atLineBreak()) {
            throw new IllegalArgumentException(source + ":" + line + ": text after the closing '\"' of a quoted field;"
                + " a quote inside a quoted field is written twice (\"\")");
          }
          return sb.toString();
        }
        if (c == '\r' || c == '\n') {
          int before = pos;
          skipLineBreak();
          sb.append(text, before, pos);
          continue;
        }
        sb.append(c);
        pos++;
      }
    }

    private boolean atLineBreak() {
      char c = text.charAt(pos);
      return c == '\r' || c == '\n';
    }

    /** Skips one CRLF, LF or CR and counts the line. */
    private void skipLineBreak() {
      if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
        pos += 2;
      } else {
        pos++;
      }
      line++;
    }
  }
}
