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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Loads typed or JSON rows into a DuckDB table at the appender's speed while keeping the store's
 * insert semantics. Rows go through DuckDB's appender into a per-table TEMP staging table (the
 * target's columns, no key), then one {@code INSERT OR IGNORE ... SELECT} moves them into the
 * target and the staging table is emptied, all in one transaction. Parameterised inserts run at a
 * few thousand rows a second; the appender writes column vectors directly.
 *
 * <p>Keyed tables keep the first row per {@code event_id}, both against rows already stored and
 * within one batch (a retried batch may repeat an event): DuckDB refuses a key twice within one
 * INSERT even with OR IGNORE, so repeats within a batch are skipped while appending. Array columns
 * are staged as JSON text because the appender has no list values; the SELECT turns them back into
 * lists.
 */
final class DuckDbAppendLoader {

  private record Column(String name, String type) {
    boolean isArray() {
      return type.endsWith("[]");
    }

    String stagedType() {
      return isArray() ? "VARCHAR" : type;
    }

    String quotedName() {
      return '"' + name + '"';
    }
  }

  private static final String EVENT_ID = "event_id";

  private final Connection connection;
  private final ObjectMapper mapper;

  /**
   * The columns each staging table was created with; recreated when its target's columns change.
   */
  private final Map<String, List<Column>> staged = new HashMap<>();

  /**
   * Each target's columns, read once; {@link #forgetColumns} after any statement may change them.
   */
  private final Map<String, List<Column>> targets = new HashMap<>();

  DuckDbAppendLoader(Connection connection, ObjectMapper mapper) {
    this.connection = connection;
    this.mapper = mapper;
  }

  void load(String table, List<String> jsonRows) {
    List<Column> columns = targets.computeIfAbsent(table, t -> columns(t, unqualified(t)));
    JsonRowReader reader = new JsonRowReader(mapper, columns.stream().map(Column::name).toList());
    Iterator<String> rows = jsonRows.iterator();
    append(table, columns, jsonRows.size(), () -> reader.read(rows.next()));
  }

  /**
   * Typed rows straight into the appender; columns the rows leave out are NULL, as keys missing
   * from a JSON row are, and columns the table lacks are skipped, as unknown keys are.
   */
  void load(String table, TypedRows typed) {
    List<Column> columns = targets.computeIfAbsent(table, t -> columns(t, unqualified(t)));
    int[] source = new int[columns.size()];
    for (int i = 0; i < source.length; i++) {
      source[i] = typed.columns().indexOf(columns.get(i).name());
    }
    Object[] staged = new Object[columns.size()];
    Iterator<Object[]> rows = typed.rows().iterator();
    append(
        table,
        columns,
        typed.size(),
        () -> {
          Object[] row = rows.next();
          for (int i = 0; i < staged.length; i++) {
            staged[i] = source[i] < 0 ? null : row[source[i]];
          }
          return staged;
        });
  }

  /** The next row's values in the target's column order; the array may be reused. */
  @FunctionalInterface
  private interface RowSource {
    Object[] next() throws IOException;
  }

  private void append(String table, List<Column> columns, int count, RowSource rows) {
    String staging = "ben_staging_" + unqualified(table);
    int rowNumber = 0;
    try {
      prepareStaging(staging, columns);
      connection.setAutoCommit(false);
      try (DuckDBAppender appender =
          ((DuckDBConnection) connection)
              .createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging)) {
        int eventId = eventIdIndex(columns);
        Set<String> seen = new HashSet<>();
        for (; rowNumber < count; rowNumber++) {
          Object[] values = rows.next();
          if (eventId >= 0 && !seen.add(String.valueOf(values[eventId]))) {
            continue;
          }
          appender.beginRow();
          for (Object value : values) {
            DuckDbValues.append(appender, value);
          }
          appender.endRow();
        }
      }
      try (Statement s = connection.createStatement()) {
        s.execute(moveStatement(DuckDbDialect.quoted(table), staging, columns));
        s.execute("DELETE FROM \"" + staging + '"');
      }
      connection.commit();
    } catch (IOException e) {
      rollback();
      throw new StoreException(
          "row " + (rowNumber + 1) + " for " + table + " is not JSON: " + e.getMessage(), e);
    } catch (SQLException | RuntimeException e) {
      rollback();
      throw new StoreException(
          "embedded store: inserting "
              + count
              + " rows into "
              + table
              + " failed: "
              + e.getMessage(),
          e);
    } finally {
      restoreAutoCommit();
    }
  }

  /** Called after DDL: a table's columns are read again before its next batch. */
  void forgetColumns() {
    targets.clear();
  }

  private static String moveStatement(String target, String staging, List<Column> columns) {
    String names = columns.stream().map(Column::quotedName).collect(Collectors.joining(", "));
    String values =
        columns.stream()
            .map(
                c ->
                    c.isArray()
                        ? "CAST(CAST(" + c.quotedName() + " AS JSON) AS " + c.type() + ")"
                        : c.quotedName())
            .collect(Collectors.joining(", "));
    // Only tables keyed on event_id have a key to ignore duplicates by; others keep every row
    // (MergeTree).
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

  private static boolean keyed(List<Column> columns) {
    return eventIdIndex(columns) >= 0;
  }

  private static int eventIdIndex(List<Column> columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(EVENT_ID)) {
        return i;
      }
    }
    return -1;
  }

  private void prepareStaging(String staging, List<Column> columns) throws SQLException {
    if (columns.equals(staged.get(staging))) {
      return;
    }
    String definition =
        columns.stream()
            .map(c -> c.quotedName() + ' ' + c.stagedType())
            .collect(Collectors.joining(", "));
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE \"" + staging + "\" (" + definition + ')');
    }
    staged.put(staging, columns);
  }

  private List<Column> columns(String table, String bare) {
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_name = ? ORDER BY ordinal_position")) {
      s.setString(1, bare);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(new Column(rs.getString(1), rs.getString(2)));
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
}
