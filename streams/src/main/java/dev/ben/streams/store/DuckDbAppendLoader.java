package dev.ben.streams.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * Loads typed or JSON rows into a DuckDB table at the appender's speed while keeping the store's
 * insert semantics. A batch of a keyed table whose values all have the column's own types (see
 * {@link DuckDbStaging}) is appended straight into the table in one transaction; if a row's key is
 * already stored the appender refuses the batch and it takes the staging path. There, rows go
 * through an appender into a per-table TEMP staging table (no key), then one {@code INSERT OR
 * IGNORE ... SELECT} moves them into the target and the staging table is emptied, in one
 * transaction. Values of other forms go through DuckDB's casting appender, which casts each.
 *
 * <p>Keyed tables keep the first row per {@code event_id}, both against rows already stored and
 * within one batch (a retried batch may repeat an event): DuckDB refuses a key twice within one
 * INSERT even with OR IGNORE, so repeats within a batch are skipped while appending. Lists the
 * typed appender does not take are staged as JSON text, which the move turns back into lists.
 */
final class DuckDbAppendLoader {

  private final Connection connection;
  private final ObjectMapper mapper;

  /**
   * The columns each staging table was created with; recreated when its target's columns change.
   */
  private final Map<String, List<DuckDbColumn>> staged = new HashMap<>();

  /**
   * Each target's columns, read once; {@link #forgetColumns} after any statement may change them.
   */
  private final Map<String, List<DuckDbColumn>> targets = new HashMap<>();

  DuckDbAppendLoader(Connection connection, ObjectMapper mapper) {
    this.connection = connection;
    this.mapper = mapper;
  }

  void load(String table, List<String> jsonRows) {
    List<DuckDbColumn> columns = targets.computeIfAbsent(table, t -> columns(t, unqualified(t)));
    JsonRowReader reader =
        new JsonRowReader(mapper, columns.stream().map(DuckDbColumn::name).toList());
    List<Object[]> rows = new ArrayList<>(jsonRows.size());
    for (String row : jsonRows) {
      try {
        rows.add(reader.read(row).clone());
      } catch (IOException e) {
        throw new StoreException(
            "row " + (rows.size() + 1) + " for " + table + " is not JSON: " + e.getMessage(), e);
      }
    }
    append(table, columns, rows);
  }

  /**
   * Typed rows straight into the appender; columns the rows leave out are NULL, as keys missing
   * from a JSON row are, and columns the table lacks are skipped, as unknown keys are.
   */
  void load(String table, TypedRows typed) {
    List<DuckDbColumn> columns = targets.computeIfAbsent(table, t -> columns(t, unqualified(t)));
    List<String> names = columns.stream().map(DuckDbColumn::name).toList();
    if (typed.columns().equals(names)) {
      append(table, columns, typed.rows());
      return;
    }
    int[] source = new int[columns.size()];
    for (int i = 0; i < source.length; i++) {
      source[i] = typed.columns().indexOf(names.get(i));
    }
    List<Object[]> rows = new ArrayList<>(typed.size());
    for (Object[] row : typed.rows()) {
      Object[] values = new Object[source.length];
      for (int i = 0; i < source.length; i++) {
        values[i] = source[i] < 0 ? null : row[source[i]];
      }
      rows.add(values);
    }
    append(table, columns, rows);
  }

  /** Appends {@code rows} (values in the target's column order) and moves them in, atomically. */
  private void append(String table, List<DuckDbColumn> columns, List<Object[]> rows) {
    if (DuckDbColumn.keyed(columns)
        && DuckDbColumn.stagedAsTargets(columns)
        && appendedDirectly(table, columns, rows)) {
      return;
    }
    boolean typed = DuckDbRowAppender.fits(columns, rows);
    String staging = (typed ? "ben_staging_" : "ben_cast_staging_") + unqualified(table);
    try {
      prepareStaging(staging, columns, typed);
      connection.setAutoCommit(false);
      int eventId = DuckDbColumn.eventIdIndex(columns);
      Set<String> seen = new HashSet<>();
      if (typed) {
        DuckDbRowAppender.appendTyped(
            connection, DuckDBConnection.DEFAULT_SCHEMA, staging, columns, rows, eventId, seen);
      } else {
        DuckDbRowAppender.appendCasting(connection, staging, rows, eventId, seen);
      }
      try (Statement s = connection.createStatement()) {
        s.execute(DuckDbColumn.moveStatement(DuckDbDialect.quoted(table), staging, columns, typed));
        s.execute("DELETE FROM \"" + staging + '"');
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollback();
      // The appender commits what it appended on its own, so a failed move leaves the staged rows
      // behind: the table is created afresh (empty) for the next batch.
      staged.remove(staging);
      throw insertFailed(table, rows.size(), e);
    } finally {
      restoreAutoCommit();
    }
  }

  /**
   * Appends a keyed batch straight into its table, in a transaction of its own, when every value
   * has its column's type and no key is stored yet or repeated within the batch (nearly always: a
   * key comes back only with a retried batch). The appender refuses a stored or repeated key, and a
   * value that needs a cast, for the whole batch; the batch then takes the staging path, which
   * casts and skips stored and repeated keys, so this is only ever a shortcut.
   *
   * @return whether the batch is stored; false leaves nothing behind
   */
  private boolean appendedDirectly(String table, List<DuckDbColumn> columns, List<Object[]> rows) {
    try {
      execute("BEGIN TRANSACTION");
      try {
        DuckDbRowAppender.appendTyped(
            connection,
            schemaOf(table),
            unqualified(table),
            columns,
            rows,
            DuckDbColumn.eventIdIndex(columns),
            null);
      } catch (SQLException | RuntimeException refused) {
        execute("ROLLBACK");
        return false;
      }
      execute("COMMIT");
      return true;
    } catch (SQLException e) {
      try {
        execute("ROLLBACK");
      } catch (SQLException none) {
        // No transaction was left open; the failure itself is the one worth reporting.
      }
      throw insertFailed(table, rows.size(), e);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** Called after DDL: a table's columns are read again before its next batch. */
  void forgetColumns() {
    targets.clear();
  }

  private void prepareStaging(String staging, List<DuckDbColumn> columns, boolean typed)
      throws SQLException {
    if (columns.equals(staged.get(staging))) {
      return;
    }
    String definition =
        columns.stream().map(c -> c.stagedDefinition(typed)).collect(Collectors.joining(", "));
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE \"" + staging + "\" (" + definition + ')');
    }
    staged.put(staging, columns);
  }

  private List<DuckDbColumn> columns(String table, String bare) {
    List<DuckDbColumn> columns = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT column_name, data_type, column_default FROM information_schema.columns "
                + "WHERE table_name = ? ORDER BY ordinal_position")) {
      s.setString(1, bare);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(new DuckDbColumn(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException(
          "embedded store: reading the columns of " + table + " failed: " + e.getMessage(), e);
    }
    if (columns.isEmpty()) {
      throw new StoreException(
          "embedded store: table " + table + " does not exist; it must be created first");
    }
    return columns;
  }

  private static String schemaOf(String table) {
    String bare = DuckDbDialect.bare(table);
    return bare.contains(".")
        ? bare.substring(0, bare.indexOf('.'))
        : DuckDBConnection.DEFAULT_SCHEMA;
  }

  private static String unqualified(String table) {
    String bare = DuckDbDialect.bare(table);
    return bare.contains(".") ? bare.substring(bare.indexOf('.') + 1) : bare;
  }

  private void rollback() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // The insert's own failure is the one worth reporting.
    }
  }

  private void restoreAutoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw new StoreException("embedded store: cannot return to autocommit: " + e.getMessage(), e);
    }
  }

  private static StoreException insertFailed(String table, int rows, Exception cause) {
    return new StoreException(
        "embedded store: inserting "
            + rows
            + " rows into "
            + table
            + " failed: "
            + cause.getMessage(),
        cause);
  }
}
