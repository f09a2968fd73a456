package dev.ben.streams.store;

import java.util.List;

/**
 * Binds query parameters for a store that cannot take them separately (ClickHouse 18.16 has no
 * query parameters): each {@code ?} outside quotes becomes its value as a literal, a string quoted
 * with every quote and backslash escaped, a whole number as digits. Only strings and whole numbers
 * are taken, so no value can carry SQL.
 */
final class QueryParameters {

  private QueryParameters() {}

  /** The value, if it is of a type a parameter may have. */
  static Object checked(Object value) {
    if (value instanceof String || value instanceof Long || value instanceof Integer) {
      return value;
    }
    throw new IllegalArgumentException(
        "a query parameter is a string or a whole number, not "
            + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  static String bind(String sql, List<Object> parameters) {
    StringBuilder out = new StringBuilder(sql.length() + 16 * parameters.size());
    int next = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == '\\' && i + 1 < sql.length()) {
          out.append(sql.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        out.append(c);
      } else if (c == '?') {
        if (next == parameters.size()) {
          throw new IllegalArgumentException(
              "the query has more placeholders than the " + parameters.size() + " parameters");
        }
        out.append(literal(checked(parameters.get(next++))));
      } else {
        out.append(c);
      }
    }
    if (next != parameters.size()) {
      throw new IllegalArgumentException(
          "the query has " + next + " placeholders for " + parameters.size() + " parameters");
    }
    return out.toString();
  }

  private static String literal(Object value) {
    if (value instanceof String text) {
      return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    return value.toString();
  }
}
