package dev.ben.streams.store.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.migrate.DataMigrator;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies new rows of each replicated table into its replica, one round at a time. A round copies
 * the next page of at most {@code pageRows} rows past a watermark (ingested_at, then event_id, so
 * rows sharing a second are paged through exactly), so a round's work stays bounded however far
 * behind the replica is; copying a row twice is harmless (the replica deduplicates on event_id like
 * its source). The watermark starts after the replica's newest row, so a restarted keeper resumes
 * without copying everything again. After each round the lag (the source's newest ingested_at minus
 * the replica's, in seconds; 0 when caught up) is published as {@value #LAG}. Rows that arrive with
 * an ingested_at older than the watermark (batches drained from the spill buffer long after) are
 * copied only if they land within the current second; see docs/storage.md.
 */
public final class ReplicaKeeper {

  public static final String LAG = "ben_replica_lag_seconds";
  public static final String SUFFIX = "_replica";
  private static final String NEVER = "1970-01-01 00:00:00";
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private record Watermark(String ingestedAt, String eventId) {}

  private final DataMigrator migrator;
  private final MetricsRegistry metrics;
  private final int pageRows;
  private final Map<String, Watermark> watermarks = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

  public ReplicaKeeper(DataMigrator migrator, MetricsRegistry metrics, int pageRows) {
    this.migrator = migrator;
    this.metrics = metrics;
    this.pageRows = pageRows;
  }

  /** Copies the next page of every replicated table; returns how many rows were copied. */
  public synchronized long round() {
    long copied = 0;
    for (String table : migrator.replicatedTables()) {
      copied += copy(table);
      lag(table).set(Math.max(0, newest(table) - newest(table + SUFFIX)));
    }
    return copied;
  }

  /**
   * The last measured lag of a table's replica in seconds, or -1 before the first round that saw
   * it.
   */
  public long lagSeconds(String table) {
    AtomicLong lag = lags.get(table);
    return lag == null ? -1 : lag.get();
  }

  private long copy(String table) {
    AnalyticalStore store = migrator.store();
    Watermark mark = watermarks.computeIfAbsent(table, this::start);
    // FINAL: a retried batch not merged yet would otherwise fill a page with copies of the same
    // rows.
    List<ObjectNode> page =
        store.queryJson(
            "SELECT * FROM "
                + table
                + " FINAL WHERE ingested_at > '"
                + mark.ingestedAt()
                + "' OR (ingested_at = '"
                + mark.ingestedAt()
                + "' AND event_id > '"
                + quote(mark.eventId())
                + "') ORDER BY ingested_at, event_id LIMIT "
                + pageRows);
    if (!page.isEmpty()) {
      store.insertJsonRows(table + SUFFIX, page.stream().map(JsonNode::toString).toList());
      ObjectNode last = page.get(page.size() - 1);
      watermarks.put(
          table, new Watermark(last.get("ingested_at").asText(), last.get("event_id").asText()));
    }
    return page.size();
  }

  /** Where a keeper that has not copied anything yet starts: after the replica's newest row. */
  private Watermark start(String table) {
    List<ObjectNode> newest =
        migrator
            .store()
            .queryJson(
                "SELECT ingested_at, event_id FROM "
                    + table
                    + SUFFIX
                    + " ORDER BY ingested_at DESC, event_id DESC LIMIT 1");
    return newest.isEmpty()
        ? new Watermark(NEVER, "")
        : new Watermark(
            newest.get(0).get("ingested_at").asText(), newest.get(0).get("event_id").asText());
  }

  private AtomicLong lag(String table) {
    return lags.computeIfAbsent(
        table,
        t -> {
          AtomicLong lag = new AtomicLong();
          metrics.gauge(
              LAG,
              "Seconds the front-end replica of a table trails it (newest row in each).",
              Labels.of("table", t),
              lag::get);
          return lag;
        });
  }

  /** Newest ingested_at in seconds on the store's clock; the epoch for an empty table. */
  private long newest(String table) {
    return LocalDateTime.parse(newestText(table), DATE_TIME)
        .toEpochSecond(java.time.ZoneOffset.UTC);
  }

  private String newestText(String table) {
    List<ObjectNode> rows =
        migrator.store().queryJson("SELECT max(ingested_at) AS newest FROM " + table);
    JsonNode newest = rows.isEmpty() ? null : rows.get(0).get("newest");
    // An empty table: ClickHouse 18.16 answers the zero date, DuckDB null.
    return newest == null || newest.isNull() || newest.asText().startsWith("0000")
        ? NEVER
        : newest.asText();
  }

  private static String quote(String text) {
    // Doubling is the escape both ClickHouse and DuckDB read; ids never hold backslashes worth
    // escaping.
    return text.replace("'", "''");
  }
}
