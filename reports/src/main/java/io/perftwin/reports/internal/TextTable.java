package io.perftwin.reports.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-width text table: the first column left-aligned, the others right-aligned unless
 * {@link #leftAligned said otherwise}, columns two spaces apart, no trailing spaces. Widths fit
 * the widest cell of each column.
 */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;
  private final boolean[] left;

  public TextTable(String... header) {
    this.columns = header.length;
    this.left = new boolean[columns];
    left[0] = true;
    rows.add(header.clone());
  }

  /** Left-aligns these columns (0-based). */
  public TextTable leftAligned(int... columnIndexes) {
    for (int c : columnIndexes) {
      left[c] = true;
    }
    return this;
  }

  public TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    rows.add(cells.clone());
    return this;
  }

  /** The table, each line prefixed with {@code indent} and ended by LF. */
  public String render(String indent) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(widths[c] - row[c].length());
        line.append(left[c] ? row[c] + pad : pad + row[c]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
