package dev.ben.streams.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the column list of a CREATE TABLE statement Ben generated. Shared by the embedded store's
 * dialect and the data migrator, so both read a statement the same way.
 */
public final class ColumnList {

  private ColumnList() {}

  /**
   * Splits at commas that are not inside parentheses (types like {@code Array(Nullable(String))}).
   */
  public static List<String> split(String columns) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < columns.length(); i++) {
      char c = columns.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(columns.substring(start, i));
        start = i + 1;
      }
    }
    if (!columns.substring(start).isBlank()) {
      parts.add(columns.substring(start));
    }
    return parts;
  }

  /** A bare, backquoted or double-quoted identifier without its quotes. */
  public static String bare(String identifier) {
    return identifier.strip().replace("`", "").replace("\"", "");
  }
}
