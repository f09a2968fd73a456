package dev.ben.benctl.out;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text table with columns padded to their widest cell, two spaces apart, no trailing spaces.
 * Widths count code points so names with accents or emoji stay aligned in common terminals.
 */
public final class Table {

  private static final String GAP = "  ";

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(List<String> headers) {
    this.headers = headers;
  }

  /** A table with a header row. */
  public static Table withHeaders(String... headers) {
    return new Table(List.of(headers));
  }

  /** A two-column label/value block without headers, for describing one thing. */
  public static Table fields() {
    return new Table(List.of());
  }

  /** Adds a row; {@code null} cells print as {@code -}. */
  public Table row(Object... cells) {
    int expected = headers.isEmpty() ? cells.length : headers.size();
    if (cells.length != expected) {
      throw new IllegalArgumentException(
          "row has "
              + cells.length
              + " cells but the table has "
              + expected
              + " columns: "
              + Arrays.toString(cells));
    }
    rows.add(Arrays.stream(cells).map(cell -> cell == null ? "-" : cell.toString()).toList());
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table as lines ending in newlines. */
  public String render() {
    List<List<String>> all = new ArrayList<>();
    if (!headers.isEmpty()) {
      all.add(headers);
    }
    all.addAll(rows);
    int columns = all.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> line : all) {
      for (int c = 0; c < line.size(); c++) {
        widths[c] = Math.max(widths[c], width(line.get(c)));
      }
    }
    var out = new StringBuilder();
    for (List<String> line : all) {
      var text = new StringBuilder();
      for (int c = 0; c < line.size(); c++) {
        if (c > 0) {
          text.append(GAP);
        }
        text.append(line.get(c));
        if (c < line.size() - 1) {
          text.append(" ".repeat(widths[c] - width(line.get(c))));
        }
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static int width(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}
