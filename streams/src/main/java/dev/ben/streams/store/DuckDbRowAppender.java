package dev.ben.streams.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBSingleValueAppender;

/**
 * Appends a batch's rows (values in the table's column order) through one of DuckDB's two
 * appenders, skipping a row whose {@code event_id} is in {@code seen} already: the typed appender,
 * which writes values into column vectors as they are, or the casting one, which casts each value
 * to its column's type and so takes values of any form, more slowly. Without {@code seen} no row is
 * skipped: appending into a keyed table, its key refuses a repeat for the whole batch.
 */
final class DuckDbRowAppender {

  private DuckDbRowAppender() {}

  /** Whether every value fits its column's {@link DuckDbStaging} as it is. */
  static boolean fits(List<DuckDbColumn> columns, List<Object[]> rows) {
    DuckDbStaging[] stagings = stagings(columns);
    for (Object[] row : rows) {
      for (int i = 0; i < stagings.length; i++) {
        if (!stagings[i].fits(row[i])) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The typed appender, for rows that {@link #fits fit}: a value that does not fails the append
   * with an IllegalArgumentException, so a caller may append before knowing (one pass over the
   * values, not two) and take the batch elsewhere when refused.
   *
   * @param seen the event ids appended so far, a repeat skipped; null to skip none
   */
  static void appendTyped(
      Connection connection,
      String schema,
      String table,
      List<DuckDbColumn> columns,
      List<Object[]> rows,
      int eventId,
      Set<String> seen)
      throws SQLException {
    DuckDbStaging[] stagings = stagings(columns);
    boolean[] emptyDefaults = new boolean[stagings.length];
    for (int i = 0; i < emptyDefaults.length; i++) {
      emptyDefaults[i] = columns.get(i).emptyListDefault();
    }
    try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(schema, table)) {
      for (Object[] values : rows) {
        if (seen != null && eventId >= 0 && !seen.add(String.valueOf(values[eventId]))) {
          continue;
        }
        appender.beginRow();
        for (int i = 0; i < stagings.length; i++) {
          if (!stagings[i].fits(values[i])) {
            throw new IllegalArgumentException(
                "a value of column " + columns.get(i).name() + " needs a cast");
          }
          stagings[i].append(appender, values[i], emptyDefaults[i]);
        }
        appender.endRow();
      }
      // Closing flushes too, but swallows the flush's error: a refused batch must say so.
      appender.flush();
    }
  }

  /** The casting appender (deprecated by DuckDB, kept for values of unusual forms). */
  @SuppressWarnings("deprecation")
  static void appendCasting(
      Connection connection, String staging, List<Object[]> rows, int eventId, Set<String> seen)
      throws SQLException {
    try (DuckDBSingleValueAppender appender =
        ((DuckDBConnection) connection)
            .createSingleValueAppender(DuckDBConnection.DEFAULT_SCHEMA, staging)) {
      for (Object[] values : rows) {
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
  }

  private static DuckDbStaging[] stagings(List<DuckDbColumn> columns) {
    return columns.stream().map(DuckDbColumn::staging).toArray(DuckDbStaging[]::new);
  }
}
