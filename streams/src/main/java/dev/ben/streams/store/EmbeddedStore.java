package dev.ben.streams.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The embedded analytical store: one DuckDB database file, so a node runs with no server at all. It
 * accepts Ben's ClickHouse statements through {@link DuckDbDialect} and has the same insert and
 * query semantics, including idempotent re-inserts of rows with the same {@code event_id}. Access
 * is serialised: DuckDB connections are not meant for concurrent use, and the store stage writes
 * one batch at a time anyway.
 */
public final class EmbeddedStore implements AnalyticalStore {

  /** Bound parameters per insert statement; rows per statement follow from the table's width. */
  private static final int ROWS_PER_STATEMENT_PARAMETERS = 4096;

  private static final java.time.format.DateTimeFormatter DATE_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Connection connection;
  private final ObjectMapper mapper;
  private final Path file;

  private EmbeddedStore(Connection connection, ObjectMapper mapper, Path file) {
    this.connection = connection;
    this.mapper = mapper;
    this.file = file;
  }

  public static EmbeddedStore open(Path file, ObjectMapper mapper) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Class.forName("org.duckdb.DuckDBDriver");
      return new EmbeddedStore(
          DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()), mapper, file);
    } catch (IOException | SQLException | ClassNotFoundException e) {
      throw new StoreException(
          "cannot open the embedded store at "
              + file
              + ": "
              + e.getMessage()
              + " (is another Ben node using the same BEN_HOME?)",
          e);
    }
  }

  @Override
  public synchronized void execute(String sql) {
    String statement = DuckDbDialect.statement(sql);
    if (statement == null) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new StoreException(
          "embedded store: `" + sql.strip() + "` failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void insertJsonRows(String table, List<String> jsonRows) {
    if (jsonRows.isEmpty()) {
      return;
    }
    List<String> columns = columns(table);
    // Quoted: schema fields may be named like DuckDB keywords (user, action).
    // Only tables keyed on event_id have a key to ignore duplicates by; others keep every row
    // (MergeTree).
    String verb = columns.contains("event_id") ? "INSERT OR IGNORE INTO " : "INSERT INTO ";
    String head =
        verb
            + DuckDbDialect.quoted(table)
            + " (\""
            + String.join("\", \"", columns)
            + "\") VALUES ";
    String tuple = "(" + "?, ".repeat(columns.size() - 1) + "?)";
    // Many rows per statement: DuckDB runs a JDBC batch one row at a time, which is what makes bulk
    // loads slow.
    int perStatement = Math.max(1, ROWS_PER_STATEMENT_PARAMETERS / columns.size());
    int rowNumber = 0;
    try {
      for (int from = 0; from < jsonRows.size(); from += perStatement) {
        List<String> chunk = jsonRows.subList(from, Math.min(jsonRows.size(), from + perStatement));
        try (PreparedStatement insert =
            connection.prepareStatement(
                head + String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple)))) {
          int parameter = 1;
          for (String row : chunk) {
            rowNumber++;
            JsonNode json = mapper.readTree(row);
            for (String column : columns) {
              insert.setObject(parameter++, value(json.get(column)));
            }
          }
          insert.execute();
        }
      }
    } catch (IOException e) {
      throw new StoreException(
          "row " + rowNumber + " for " + table + " is not JSON: " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new StoreException(
          "embedded store: inserting "
              + jsonRows.size()
              + " rows into "
              + table
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public synchronized List<ObjectNode> queryJson(String sql) {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(DuckDbDialect.query(sql))) {
      ResultSetMetaData meta = rs.getMetaData();
      List<ObjectNode> rows = new ArrayList<>();
      while (rs.next()) {
        ObjectNode row = mapper.createObjectNode();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.set(meta.getColumnLabel(i), json(rs.getObject(i)));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new StoreException(
          "embedded store: `" + sql.strip() + "` failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "embedded " + file;
  }

  @Override
  public boolean embedded() {
    return true;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing the embedded store failed: " + e.getMessage(), e);
    }
  }

  private List<String> columns(String table) {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
      String bare = DuckDbDialect.bare(table);
      s.setString(1, bare.contains(".") ? bare.substring(bare.indexOf('.') + 1) : bare);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
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

  private Object value(JsonNode node) throws SQLException {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      // Array columns hold text (bits, rules and Ben's array fields are stored as their text
      // forms).
      Object[] items = new Object[node.size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = node.get(i).isTextual() ? node.get(i).textValue() : node.get(i).toString();
      }
      return connection.createArrayOf("VARCHAR", items);
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  private JsonNode json(Object value) {
    if (value == null) {
      return mapper.nullNode();
    }
    if (value instanceof Timestamp ts) {
      // The same text ClickHouse's JSONEachRow gives for DateTime, so readers see one format.
      return mapper.getNodeFactory().textNode(DATE_TIME.format(ts.toLocalDateTime()));
    }
    if (value instanceof Number || value instanceof Boolean) {
      return mapper.valueToTree(value);
    }
    if (value instanceof java.sql.Array array) {
      try {
        Iterator<Object> items = List.of((Object[]) array.getArray()).iterator();
        var out = mapper.createArrayNode();
        items.forEachRemaining(item -> out.add(json(item)));
        return out;
      } catch (SQLException e) {
        return mapper.getNodeFactory().textNode(value.toString());
      }
    }
    return mapper.getNodeFactory().textNode(value.toString());
  }
}
