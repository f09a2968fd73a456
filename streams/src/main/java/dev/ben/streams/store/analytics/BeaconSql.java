package dev.ben.streams.store.analytics;

import java.util.List;

/**
 * The statements {@link BeaconQuery} runs on one table, with their parameters. The stores differ
 * only in the time bound: seconds since the epoch of a DateTime are {@code epoch} in DuckDB, and
 * ClickHouse is given the bound as a DateTime so its sorting key can serve it. Table and column
 * names come from the contract and are quoted.
 */
record BeaconSql(String text, List<Object> parameters) {

  /** Events stored, and distinct visitors when the table keeps them. */
  static BeaconSql totals(boolean embedded, BeaconQuery.Table table, long fromSeconds) {
    String visitors =
        table.visitor() ? ", count(DISTINCT " + quoted(BeaconQuery.VISITOR) + ") AS visitors" : "";
    return new BeaconSql(
        "SELECT count(*) AS page_views"
            + visitors
            + " FROM "
            + quoted(table.table())
            + " FINAL WHERE "
            + since(embedded),
        List.of(fromSeconds));
  }

  /**
   * The {@code top} most frequent values of {@code column} with their counts, most frequent first
   * (ties by value, so the order is stable); absent and empty values are not ranked.
   */
  static BeaconSql ranking(
      boolean embedded,
      BeaconQuery.Table table,
      String column,
      boolean text,
      long fromSeconds,
      int top) {
    String value = quoted(column);
    return new BeaconSql(
        "SELECT "
            + value
            + " AS ranked, count(*) AS n FROM "
            + quoted(table.table())
            + " FINAL WHERE "
            + since(embedded)
            + " AND "
            + value
            + " IS NOT NULL"
            + (text ? " AND " + value + " != ''" : "")
            + " GROUP BY "
            + value
            + " ORDER BY n DESC, ranked LIMIT "
            + top,
        List.of(fromSeconds));
  }

  private static String since(boolean embedded) {
    return embedded ? "epoch(ingested_at) >= ?" : "ingested_at >= toDateTime(?)";
  }

  private static String quoted(String name) {
    return "`" + name + "`";
  }
}
