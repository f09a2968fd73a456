package dev.ben.streams.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An append-only analytical store. Statements use the ClickHouse dialect Ben generates (the subset
 * ClickHouse 18.16 understands); the embedded implementation translates the few clauses that
 * differ. All methods block.
 */
public interface AnalyticalStore extends AutoCloseable {

  /** Runs a statement that returns no rows (DDL, ALTER, OPTIMIZE). */
  void execute(String sql);

  /** Appends rows, each one JSON object whose keys are column names (ClickHouse's JSONEachRow). */
  void insertJsonRows(String table, List<String> jsonRows);

  /**
   * Appends typed rows, each value stored as its column declares; what it stores is what the same
   * rows as JSONEachRow would store. The default goes through JSON; the stores override it with
   * their binary paths.
   */
  default void insertRows(String table, TypedRows rows) {
    if (!rows.isEmpty()) {
      insertJsonRows(table, TypedRowsJson.lines(rows));
    }
  }

  /** Runs a query and returns each row as a JSON object keyed by column name. */
  List<ObjectNode> queryJson(String sql);

  /**
   * Runs a query whose {@code ?} placeholders take {@code parameters} in order (strings and whole
   * numbers), so values from outside never become SQL text; rows as {@link #queryJson(String)}.
   */
  default List<ObjectNode> queryJson(String sql, List<Object> parameters) {
    throw new UnsupportedOperationException(describe() + " does not bind query parameters");
  }

  /**
   * Copies the rows of {@code source} read with {@code FINAL} that {@code rows} selects (its {@code
   * ?} placeholders take its parameters as in {@link #queryJson(String, List)}; ClickHouse selects
   * before it merges, so only the selected rows are deduplicated among themselves) into {@code
   * target}, each of the target's columns from the source's column of the same name. A row whose
   * event_id the target holds is stored once, as with inserts. The stores run it as one statement,
   * so no row crosses into the JVM; this default reads the rows as JSON and inserts them.
   */
  default void copyRows(String source, String target, RowSelection rows) {
    List<ObjectNode> selected =
        queryJson("SELECT * FROM " + source + " FINAL" + selecting(rows), rows.parameters());
    insertJsonRows(target, selected.stream().map(JsonNode::toString).toList());
  }

  /**
   * The clause that follows {@code FROM table FINAL} to read the rows {@code rows} selects, in this
   * store's dialect: one WHERE here; ClickHouse reads the narrowing first ({@link
   * RowSelection#clause}).
   */
  default String selecting(RowSelection rows) {
    return rows.clause(false);
  }

  /**
   * Where the store is, for logs and health: {@code clickhouse http://…/ben} or {@code embedded
   * /path}.
   */
  String describe();

  /** True for the embedded default, false for an external server. */
  boolean embedded();

  /**
   * True when the store can feed a replica from its table's inserts (a ClickHouse materialized
   * view); otherwise the replica keeper copies rows into it (docs/storage.md).
   */
  default boolean feedsReplicas() {
    return false;
  }

  /**
   * Whether the table exists yet: a schema's table is created with its first stored batch, so a
   * pipeline that has stored nothing has none, and readers count nothing rather than fail.
   */
  default boolean tableExists(String table) {
    String sql =
        embedded()
            ? "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?"
            : "SELECT count(*) AS n FROM system.tables WHERE database = currentDatabase()"
                + " AND name = ?";
    return queryJson(sql, List.of(table)).get(0).path("n").asLong() > 0;
  }

  @Override
  void close();
}
