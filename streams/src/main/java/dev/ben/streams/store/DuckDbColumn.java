package dev.ben.streams.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A column of an embedded-store table as information_schema names it, with how it is staged:
 * through the typed appender ({@link DuckDbStaging}) or the casting one, which stages every column
 * in its own type except lists, as JSON text.
 *
 * @param emptyListDefault a list column whose default is the empty list (Ben's tables declare it,
 *     as ClickHouse's arrays have it): an empty list is appended as the default, one call instead
 *     of the appender's list handling
 */
record DuckDbColumn(String name, String type, boolean emptyListDefault) {

  private static final String EVENT_ID = "event_id";

  /** How information_schema spells the default DuckDB stores for {@code DEFAULT []}. */
  private static final List<String> EMPTY_LIST = List.of("main.list_value()", "list_value()", "[]");

  DuckDbColumn(String name, String type, String columnDefault) {
    this(name, type, type.endsWith("[]") && EMPTY_LIST.contains(columnDefault));
  }

  boolean isArray() {
    return type.endsWith("[]");
  }

  DuckDbStaging staging() {
    return DuckDbStaging.of(type);
  }

  /** The staged column's type: see {@link DuckDbStaging} for the typed appender. */
  String stagedType(boolean typed) {
    return typed ? staging().stagedType() : isArray() ? "VARCHAR" : type;
  }

  /** The staged value as the target column's type. */
  String stagedValue(boolean typed) {
    String staged = stagedType(typed);
    if (staged.equals(type)) {
      return quotedName();
    }
    return isArray()
        ? "CAST(CAST(" + quotedName() + " AS JSON) AS " + type + ")"
        : "CAST(" + quotedName() + " AS " + type + ")";
  }

  String quotedName() {
    return '"' + name + '"';
  }

  /** The staged column's definition: an empty-list default is kept where the list is staged. */
  String stagedDefinition(boolean typed) {
    String staged = stagedType(typed);
    return quotedName()
        + ' '
        + staged
        + (emptyListDefault && staged.equals(type) ? " " + DuckDbDialect.EMPTY_LIST_DEFAULT : "");
  }

  /** Whether every column is staged in its own type, so rows can be appended to the table. */
  static boolean stagedAsTargets(List<DuckDbColumn> columns) {
    for (DuckDbColumn column : columns) {
      if (!column.stagedType(true).equals(column.type())) {
        return false;
      }
    }
    return true;
  }

  /** Only tables keyed on event_id have a key to ignore duplicates by (MergeTree keeps all). */
  static boolean keyed(List<DuckDbColumn> columns) {
    return eventIdIndex(columns) >= 0;
  }

  static int eventIdIndex(List<DuckDbColumn> columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(EVENT_ID)) {
        return i;
      }
    }
    return -1;
  }

  /** The statement that moves a staging table's rows into {@code target}, casting as needed. */
  static String moveStatement(
      String target, String staging, List<DuckDbColumn> columns, boolean typed) {
    String names = columns.stream().map(DuckDbColumn::quotedName).collect(Collectors.joining(", "));
    String values =
        columns.stream().map(c -> c.stagedValue(typed)).collect(Collectors.joining(", "));
    return (keyed(columns) ? "INSERT OR IGNORE INTO " : "INSERT INTO ")
        + target
        + " ("
        + names
        + ") SELECT "
        + values
        + " FROM \""
        + staging
        + '"';
  }
}
