package dev.ben.streams.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Copies rows from one embedded table into another in one {@code INSERT ... SELECT}, the columns
 * named so their order in either table does not matter. A target keyed on event_id (every table
 * with that column, see {@link DuckDbDialect}) ignores rows whose key it holds, as the loader's
 * inserts do; the source is keyed too, so the select itself never repeats a key.
 */
final class DuckDbCopy {

  private DuckDbCopy() {}

  static void run(
      Connection connection, String source, String target, String where, List<Object> parameters) {
    try {
      List<String> columns = columns(connection, target);
      String names = columns.stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "));
      String sql =
          (columns.contains("event_id") ? "INSERT OR IGNORE INTO " : "INSERT INTO ")
              + DuckDbDialect.quoted(target)
              + " ("
              + names
              + ") SELECT "
              + names
              + " FROM "
              + DuckDbDialect.quoted(source)
              + " WHERE "
              + DuckDbDialect.query(where);
      try (PreparedStatement s = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.size(); i++) {
          s.setObject(i + 1, QueryParameters.checked(parameters.get(i)));
        }
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreException(
          "embedded store: copying rows from "
              + source
              + " into "
              + target
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  private static List<String> columns(Connection connection, String table) throws SQLException {
    String bare = DuckDbDialect.bare(table);
    List<String> columns = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                + " ORDER BY ordinal_position")) {
      s.setString(1, bare.substring(bare.indexOf('.') + 1));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    if (columns.isEmpty()) {
      throw new StoreException("embedded store: table " + table + " does not exist");
    }
    return columns;
  }
}
