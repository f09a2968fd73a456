package dev.ben.streams.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.config.ConnectorSettings.EmbeddedSettings;
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
import java.util.List;
import java.util.OptionalLong;

/**
 * The embedded analytical store: one DuckDB database file, so a node runs with no server at all. It
 * accepts Ben's ClickHouse statements through {@link DuckDbDialect} and has the same insert and
 * query semantics, including idempotent re-inserts of rows with the same {@code event_id}. Access
 * is serialised: DuckDB connections are not meant for concurrent use, and the store stage writes
 * one batch at a time anyway; a large batch of typed rows is appended on several connections at
 * once ({@link DuckDbWriters}), inside that one call.
 */
public final class EmbeddedStore implements AnalyticalStore {

  private static final java.time.format.DateTimeFormatter DATE_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Connection connection;
  private final ObjectMapper mapper;
  private final Path file;
  private final DuckDbWriters writers;

  private EmbeddedStore(
      Connection connection, ObjectMapper mapper, Path file, DuckDbWriters writers) {
    this.connection = connection;
    this.mapper = mapper;
    this.file = file;
    this.writers = writers;
  }

  /**
   * The store with DuckDB's own checkpoint threshold, appending on one connection (tests, tools).
   */
  public static EmbeddedStore open(Path file, ObjectMapper mapper) {
    return open(file, mapper, OptionalLong.empty(), 1);
  }

  /** The store a node runs, checkpointing and appending as {@code settings} say. */
  public static EmbeddedStore open(Path file, ObjectMapper mapper, EmbeddedSettings settings) {
    return open(
        file, mapper, OptionalLong.of(settings.checkpointThresholdBytes()), settings.writers());
  }

  private static EmbeddedStore open(
      Path file, ObjectMapper mapper, OptionalLong checkpointBytes, int writers) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Class.forName("org.duckdb.DuckDBDriver");
      Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
      if (checkpointBytes.isPresent()) {
        try (Statement s = connection.createStatement()) {
          s.execute("SET checkpoint_threshold = '" + checkpointBytes.getAsLong() + "B'");
        } catch (SQLException e) {
          connection.close();
          throw e;
        }
      }
      try {
        return new EmbeddedStore(
            connection, mapper, file, DuckDbWriters.open(connection, mapper, writers));
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
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
    // DDL may add, drop or rename columns the loader has read.
    writers.forgetColumns();
    try (Statement s = connection.createStatement()) {
      refuseAViewInTheWay(DuckDbDialect.tableCreatedIfAbsent(sql));
      s.execute(statement);
    } catch (SQLException e) {
      throw new StoreException(
          "embedded store: `" + sql.strip() + "` failed: " + e.getMessage(), e);
    }
  }

  /**
   * A migration that took a view for its table would be recorded as done and fail every insert
   * after it; it fails here instead, and resumes once the view is gone.
   */
  private void refuseAViewInTheWay(String table) throws SQLException {
    if (table == null) {
      return;
    }
    try (PreparedStatement views =
        connection.prepareStatement(
            "SELECT count(*) FROM duckdb_views() WHERE view_name = ? AND NOT internal")) {
      views.setString(1, table);
      try (ResultSet rs = views.executeQuery()) {
        if (rs.next() && rs.getLong(1) > 0) {
          throw new SQLException(table + " is a view, not a table");
        }
      }
    }
  }

  @Override
  public synchronized void insertJsonRows(String table, List<String> jsonRows) {
    if (!jsonRows.isEmpty()) {
      writers.first().load(table, jsonRows);
    }
  }

  @Override
  public synchronized void insertRows(String table, TypedRows rows) {
    if (!rows.isEmpty()) {
      writers.load(table, rows);
    }
  }

  @Override
  public synchronized List<ObjectNode> queryJson(String sql) {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(DuckDbDialect.query(sql))) {
      return rows(rs);
    } catch (SQLException e) {
      throw new StoreException(
          "embedded store: `" + sql.strip() + "` failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<ObjectNode> queryJson(String sql, List<Object> parameters) {
    try (PreparedStatement s = connection.prepareStatement(DuckDbDialect.query(sql))) {
      for (int i = 0; i < parameters.size(); i++) {
        s.setObject(i + 1, QueryParameters.checked(parameters.get(i)));
      }
      try (ResultSet rs = s.executeQuery()) {
        return rows(rs);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "embedded store: `" + sql.strip() + "` failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void copyRows(String source, String target, RowSelection rows) {
    DuckDbCopy.run(connection, source, target, rows.conjunction(), rows.parameters());
  }

  private List<ObjectNode> rows(ResultSet rs) throws SQLException {
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
    writers.close();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing the embedded store failed: " + e.getMessage(), e);
    }
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
        // An Array(Nullable(...)) may hold nulls, which List.of refuses.
        var out = mapper.createArrayNode();
        for (Object item : (Object[]) array.getArray()) {
          out.add(json(item));
        }
        return out;
      } catch (SQLException e) {
        return mapper.getNodeFactory().textNode(value.toString());
      }
    }
    return mapper.getNodeFactory().textNode(value.toString());
  }
}
