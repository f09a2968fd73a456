package dev.ben.streams.store;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.config.ConnectorSettings.ClickHouseSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * ClickHouse over HTTP with the client-v2 library. Written for ClickHouse 18.16 and later: typed
 * rows go in as RowBinary with an explicit column list (the sink's path, encoded by {@link
 * RowBinaryColumn} against each table's declared types), JSON rows as JSONEachRow; results come
 * back as JSONEachRow (typed binary reads fail on 18.16), and server responses are not compressed.
 */
public final class ClickHouseStore implements AnalyticalStore {

  private final Client client;
  private final ObjectMapper mapper;
  private final String description;
  private final Duration requestTimeout;
  private final ClickHouseColumns columns;

  /** The size of the last RowBinary body, so the next starts about as large. */
  private volatile int lastBodySize = 1 << 16;

  private ClickHouseStore(
      Client client, ObjectMapper mapper, String description, Duration requestTimeout) {
    this.client = client;
    this.mapper = mapper;
    this.description = description;
    this.requestTimeout = requestTimeout;
    this.columns = new ClickHouseColumns(this::queryJson, serverZone());
  }

  /** Connects, checks the server answers and creates the configured database when it is missing. */
  public static ClickHouseStore open(ClickHouseSettings settings, ObjectMapper mapper) {
    String endpoint = settings.url().toString();
    Client admin = builder(settings).build();
    try {
      if (!admin.ping(settings.connectTimeout().toMillis())) {
        throw new StoreException(
            "ClickHouse at "
                + endpoint
                + " does not answer; is it running? "
                + "(set BEN_CLICKHOUSE_URL to its HTTP address, e.g. http://127.0.0.1:8123)");
      }
      release(
          await(
              () -> admin.execute("CREATE DATABASE IF NOT EXISTS " + settings.database()),
              "creating database",
              settings.requestTimeout()));
    } finally {
      admin.close();
    }
    // The database travels as a URL parameter: ClickHouse 18.16 ignores the header newer clients
    // send by default.
    Client client = builder(settings).serverSetting("database", settings.database()).build();
    return new ClickHouseStore(
        client,
        mapper,
        "clickhouse " + endpoint + "/" + settings.database(),
        settings.requestTimeout());
  }

  private static Client.Builder builder(ClickHouseSettings settings) {
    return new Client.Builder()
        .addEndpoint(settings.url().toString())
        .setUsername(settings.user())
        .setPassword(settings.password())
        .compressServerResponse(false)
        .compressClientRequest(false)
        .setConnectTimeout(settings.connectTimeout().toMillis(), ChronoUnit.MILLIS)
        .setSocketTimeout(settings.requestTimeout().toMillis(), ChronoUnit.MILLIS);
  }

  @Override
  public void execute(String sql) {
    columns.forgetAll();
    release(await(() -> client.execute(sql), "running `" + abbreviate(sql) + "`", requestTimeout));
  }

  @Override
  public void insertJsonRows(String table, List<String> jsonRows) {
    if (jsonRows.isEmpty()) {
      return;
    }
    byte[] body = String.join("\n", jsonRows).getBytes(StandardCharsets.UTF_8);
    release(
        await(
            () ->
                client.insert(table, new ByteArrayInputStream(body), ClickHouseFormat.JSONEachRow),
            "inserting " + jsonRows.size() + " rows into " + table,
            requestTimeout));
  }

  @Override
  public void insertRows(String table, TypedRows rows) {
    if (rows.isEmpty()) {
      return;
    }
    String what = "inserting " + rows.size() + " rows into " + table;
    try {
      RowBinaryBody body =
          RowBinaryBody.encode(rows, columns.writers(table, rows.columns()), lastBodySize);
      lastBodySize = body.length() + body.length() / 8;
      List<String> names = rows.columns().stream().map(c -> '`' + c + '`').toList();
      release(
          await(
              () ->
                  client.insert(
                      table, names, body, ClickHouseFormat.RowBinary, new InsertSettings()),
              what,
              requestTimeout));
    } catch (IOException | RuntimeException e) {
      // The table may have changed under us (another node migrated it): read its columns again.
      columns.forget(table);
      throw e instanceof StoreException stored
          ? stored
          : new StoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<ObjectNode> queryJson(String sql) {
    QuerySettings settings = new QuerySettings().setFormat(ClickHouseFormat.JSONEachRow);
    QueryResponse response =
        await(
            () -> client.query(withFormat(sql), settings),
            "querying `" + abbreviate(sql) + "`",
            requestTimeout);
    try (InputStream in = response.getInputStream()) {
      List<ObjectNode> rows = new ArrayList<>();
      mapper.readerFor(ObjectNode.class).<ObjectNode>readValues(in).forEachRemaining(rows::add);
      return rows;
    } catch (IOException e) {
      throw new StoreException(
          "reading the result of `" + abbreviate(sql) + "` failed: " + e.getMessage(), e);
    } finally {
      release(response);
    }
  }

  /**
   * ClickHouse 18.16 has no query parameters, so the values are bound here as literals ({@link
   * QueryParameters#bind}): each one escaped as a string or written as a number, never as SQL.
   */
  @Override
  public List<ObjectNode> queryJson(String sql, List<Object> parameters) {
    return queryJson(QueryParameters.bind(sql, parameters));
  }

  /**
   * One INSERT ... SELECT on the server, the target's columns read afresh each time (another node
   * may have added one); merges fold an event_id copied twice, as they do for inserts.
   */
  @Override
  public void copyRows(String source, String target, RowSelection rows) {
    String names =
        String.join(", ", columns.names(target).stream().map(c -> '`' + c + '`').toList());
    String sql =
        "INSERT INTO "
            + target
            + " ("
            + names
            + ") SELECT "
            + names
            + " FROM "
            + source
            // The condition is read first and only the rows it selects are merged for FINAL: a
            // WHERE has 18.16 merge the whole table when its sorting key does not serve the
            // condition (the replica's watermark on ingested_at).
            + " FINAL"
            + QueryParameters.bind(selecting(rows), rows.parameters());
    release(
        await(
            () -> client.execute(sql),
            "copying rows from " + source + " into " + target,
            requestTimeout));
  }

  @Override
  public String selecting(RowSelection rows) {
    return rows.clause(true);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public boolean embedded() {
    return false;
  }

  @Override
  public boolean feedsReplicas() {
    return true;
  }

  @Override
  public void close() {
    client.close();
  }

  /**
   * The zone the server reads DateTime text in; JSONEachRow rows carry UTC wall-clock times, so
   * RowBinary must store what the server would have made of them.
   */
  private ZoneId serverZone() {
    String zone = queryJson("SELECT timezone() AS zone").get(0).get("zone").asText();
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new StoreException(
          "ClickHouse runs in time zone `" + zone + "`, which Java does not know", e);
    }
  }

  /**
   * Ben writes FORMAT in the SQL text so the server, not the client library, decides how rows are
   * encoded.
   */
  static String withFormat(String sql) {
    String trimmed = sql.strip();
    if (trimmed.endsWith(";")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
    }
    return trimmed.toUpperCase(java.util.Locale.ROOT).contains(" FORMAT ")
        ? trimmed
        : trimmed + " FORMAT JSONEachRow";
  }

  private static <T> T await(Supplier<CompletableFuture<T>> call, String what, Duration timeout) {
    try {
      return call.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      // The client throws some server errors synchronously instead of failing the future.
      throw new StoreException(what + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(what + " was interrupted", e);
    } catch (ExecutionException e) {
      throw new StoreException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new StoreException(what + " took longer than " + timeout.toMillis() + " ms", e);
    }
  }

  /**
   * Responses hold pooled connections; closing one that completed cannot fail in a way worth
   * reporting.
   */
  private static void release(AutoCloseable response) {
    try {
      response.close();
    } catch (Exception e) {
      // The work is done and acknowledged by the server; a failure to return the connection is
      // harmless here.
    }
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
  }
}
