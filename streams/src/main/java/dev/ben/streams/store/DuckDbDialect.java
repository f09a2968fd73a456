package dev.ben.streams.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the ClickHouse statements Ben generates into DuckDB's dialect for the embedded store.
 * It covers Ben's own subset, not ClickHouse SQL at large: CREATE DATABASE, CREATE TABLE with an
 * ENGINE clause and ClickHouse column types, ALTER TABLE ADD COLUMN, OPTIMIZE (a no-op), {@code
 * FINAL} and {@code FORMAT} in queries, and backquoted identifiers (DuckDB quotes with double
 * quotes, which ClickHouse accepts too). A table with an {@code event_id} column gets it as primary
 * key, so re-inserting a batch is idempotent as with ReplacingMergeTree.
 */
final class DuckDbDialect {

  private static final Pattern CREATE_DATABASE =
      Pattern.compile(
          "(?is)^\\s*CREATE\\s+DATABASE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s*;?\\s*$");
  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "(?is)^\\s*CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?([`\"\\w.]+)\\s*\\((.*)\\)\\s*ENGINE\\s*=.*$");
  private static final Pattern ADD_COLUMN =
      Pattern.compile(
          "(?is)^\\s*ALTER\\s+TABLE\\s+([`\"\\w.]+)\\s+ADD\\s+COLUMN\\s+([`\"]?\\w+[`\"]?)\\s+(.+?)\\s*;?\\s*$");
  private static final Pattern OPTIMIZE = Pattern.compile("(?is)^\\s*OPTIMIZE\\s+TABLE\\b.*");
  private static final Pattern FORMAT = Pattern.compile("(?is)\\s+FORMAT\\s+\\w+\\s*;?\\s*$");
  private static final Pattern FINAL = Pattern.compile("(?i)\\bFINAL\\b");

  /**
   * What a list column is declared with: a ClickHouse array is empty when a row leaves it out, and
   * the appender writes an empty list as the default in one call.
   */
  static final String EMPTY_LIST_DEFAULT = "DEFAULT []";

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
      return createTable(table.group(1) != null, quoted(table.group(2)), table.group(3));
    }
    Matcher add = ADD_COLUMN.matcher(sql);
    if (add.matches()) {
      return "ALTER TABLE "
          + quoted(add.group(1))
          + " ADD COLUMN "
          + columnName(add.group(2))
          + ' '
          + definition(add.group(3).strip());
    }
    return query(sql);
  }

  /**
   * The table a {@code CREATE TABLE IF NOT EXISTS} creates, bare and unqualified, or null for any
   * other statement: DuckDB (since 1.4, as ClickHouse) lets it pass silently when a view holds the
   * name, so the store checks that the name is free or a table's.
   */
  static String tableCreatedIfAbsent(String sql) {
    Matcher table = CREATE_TABLE.matcher(sql);
    if (!table.matches() || table.group(1) == null) {
      return null;
    }
    String name = bare(table.group(2));
    return name.substring(name.lastIndexOf('.') + 1);
  }

  static String query(String sql) {
    return FINAL.matcher(FORMAT.matcher(sql).replaceFirst("")).replaceAll("").replace('`', '"');
  }

  /** An identifier as DuckDB reads it: backquotes become double quotes; bare names stay bare. */
  static String quoted(String identifier) {
    return identifier.strip().replace('`', '"');
  }

  /**
   * A column name in double quotes, bare or not: some names ClickHouse takes bare (such as {@code
   * at} or {@code by}) are keywords to DuckDB.
   */
  private static String columnName(String identifier) {
    return '"' + bare(identifier) + '"';
  }

  static String bare(String identifier) {
    return ColumnList.bare(identifier);
  }

  private static String createTable(boolean ifNotExists, String name, String columns) {
    StringBuilder out = new StringBuilder("CREATE TABLE ");
    if (ifNotExists) {
      out.append("IF NOT EXISTS ");
    }
    out.append(name).append(" (");
    boolean hasEventId = false;
    String separator = "";
    for (String column : ColumnList.split(columns)) {
      String[] parts = column.strip().split("\\s+", 2);
      if (parts.length != 2) {
        throw new StoreException(
            "cannot translate column definition `" + column.strip() + "` for the embedded store");
      }
      hasEventId |= bare(parts[0]).equals("event_id");
      out.append(separator)
          .append(columnName(parts[0]))
          .append(' ')
          .append(definition(parts[1].strip()));
      separator = ", ";
    }
    if (hasEventId) {
      out.append(", PRIMARY KEY (event_id)");
    }
    return out.append(')').toString();
  }

  /** A column's DuckDB type, with the empty list as the default of a list. */
  private static String definition(String clickHouseType) {
    String type = type(clickHouseType);
    return type.endsWith("[]") ? type + ' ' + EMPTY_LIST_DEFAULT : type;
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
        throw new StoreException(
            "the embedded store has no equivalent for ClickHouse type `" + t + "`");
      }
    };
  }
}
