package dev.ben.streams.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the ClickHouse statements Ben generates into DuckDB's dialect for the embedded store. It covers Ben's
 * own subset, not ClickHouse SQL at large: CREATE DATABASE, CREATE TABLE with an ENGINE clause and ClickHouse
 * column types, OPTIMIZE (a no-op), {@code FINAL} and {@code FORMAT} in queries. A table with an {@code event_id}
 * column gets it as primary key, so re-inserting a batch is idempotent as with ReplacingMergeTree.
 */
final class DuckDbDialect {

  private static final Pattern CREATE_DATABASE =
      Pattern.compile("(?is)^\\s*CREATE\\s+DATABASE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s*;?\\s*$");
  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?is)^\\s*CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?([\\w.]+)\\s*\\((.*)\\)\\s*ENGINE\\s*=.*$");
  private static final Pattern OPTIMIZE = Pattern.compile("(?is)^\\s*OPTIMIZE\\s+TABLE\\b.*");
  private static final Pattern FORMAT = Pattern.compile("(?is)\\s+FORMAT\\s+\\w+\\s*;?\\s*$");
  private static final Pattern FINAL = Pattern.compile("(?i)\\bFINAL\\b");

  private DuckDbDialect() {}

  /** The DuckDB statement, or null when the statement has no meaning there (OPTIMIZE). */
  static String statement(String sql) {
    if (OPTIMIZE.matcher(sql).matches()) {
      return null;
    }
    Matcher database = CREATE_DATABASE.matcher(sql);
    if (database.matches()) {
      return "CREATE SCHEMA IF NOT EXISTS " + database.group(2);
    }
    Matcher table = CREATE_TABLE.matcher(sql);
    if (table.matches()) {
      return createTable(table.group(1) != null, table.group(2), table.group(3));
    }
    return query(sql);
  }

  static String query(String sql) {
    return FINAL.matcher(FORMAT.matcher(sql).replaceFirst("")).replaceAll("");
  }

  private static String createTable(boolean ifNotExists, String name, String columns) {
    StringBuilder out = new StringBuilder("CREATE TABLE ");
    if (ifNotExists) {
      out.append("IF NOT EXISTS ");
    }
    out.append(name).append(" (");
    boolean hasEventId = false;
    String separator = "";
    for (String column : splitTopLevel(columns)) {
      String[] parts = column.strip().split("\\s+", 2);
      if (parts.length != 2) {
        throw new StoreException("cannot translate column definition `" + column.strip() + "` for the embedded store");
      }
      hasEventId |= parts[0].equals("event_id");
      out.append(separator).append(parts[0]).append(' ').append(type(parts[1].strip()));
      separator = ", ";
    }
    if (hasEventId) {
      out.append(", PRIMARY KEY (event_id)");
    }
    return out.append(')').toString();
  }

  static String type(String clickHouseType) {
    String t = clickHouseType.replaceAll("\\s+DEFAULT\\s+.*$", "").strip();
    if (t.startsWith("Nullable(") && t.endsWith(")")) {
      return type(t.substring(9, t.length() - 1));
    }
    if (t.startsWith("LowCardinality(") && t.endsWith(")")) {
      return type(t.substring(15, t.length() - 1));
    }
    if (t.startsWith("Array(") && t.endsWith(")")) {
      return type(t.substring(6, t.length() - 1)) + "[]";
    }
    return switch (t) {
      case "String", "FixedString", "IPv4", "IPv6" -> "VARCHAR";
      case "UInt8" -> "UTINYINT";
      case "UInt16" -> "USMALLINT";
      case "UInt32" -> "UINTEGER";
      case "UInt64" -> "UBIGINT";
      case "Int8" -> "TINYINT";
      case "Int16" -> "SMALLINT";
      case "Int32" -> "INTEGER";
      case "Int64" -> "BIGINT";
      case "Float32" -> "FLOAT";
      case "Float64" -> "DOUBLE";
      case "DateTime" -> "TIMESTAMP";
      case "Date" -> "DATE";
      case "UUID" -> "UUID";
      default -> {
        if (t.toLowerCase(Locale.ROOT).startsWith("fixedstring(")) {
          yield "VARCHAR";
        }
        throw new StoreException("the embedded store has no equivalent for ClickHouse type `" + t + "`");
      }
    };
  }

  /** Splits a column list at commas that are not inside parentheses (types like Array(Nullable(String))). */
  private static java.util.List<String> splitTopLevel(String columns) {
    java.util.List<String> parts = new java.util.ArrayList<>();
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
}
