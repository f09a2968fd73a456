package dev.ben.streams.store.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.metrics.Labels;
import dev.ben.streams.metrics.MetricsRegistry;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.RowSelection;
import dev.ben.streams.store.migrate.DataMigrator;
import dev.ben.streams.store.migrate.DataMigrator.ReplicatedTable;
import dev.ben.streams.store.replica.ReplicaPage.Watermark;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies new rows of each replicated table into its replica, one round at a time. A round copies
 * the next page of at most {@code pageRows} rows past a watermark (ingested_at, then event_id, so
 * rows sharing a second are paged through exactly), so a round's work stays bounded however far
 * behind the replica is; copying a row twice is harmless (the replica deduplicates on event_id like
 * its source). The copy runs inside the store ({@link AnalyticalStore#copyRows}): only the page's
 * end, the next watermark, comes back. The watermark starts after the replica's newest row, so a
 * restarted keeper resumes without copying everything again. After each round the lag (the source's
 * newest ingested_at minus the replica's, in seconds; 0 when caught up, which a page that was not
 * full shows without reading either table again) is published as {@value #LAG}. Rows that arrive
 * with an ingested_at older than the watermark (batches drained from the spill buffer long after)
 * are copied only if they land within the current second; see docs/storage.md.
 *
 * <p>A replica the store feeds from its table's inserts ({@link AnalyticalStore#feedsReplicas}) is
 * copied only up to the second its feed was made (the rows stored before it), then settled: it is
 * not read again, and its lag is 0.
 */
public final class ReplicaKeeper {

  public static final String LAG = "ben_replica_lag_seconds";
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final DataMigrator migrator;
  private final MetricsRegistry metrics;
  private final int pageRows;
  private final Map<String, Watermark> watermarks = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();
  private final Set<String> settled = ConcurrentHashMap.newKeySet();
  private volatile boolean behind;

  public ReplicaKeeper(DataMigrator migrator, MetricsRegistry metrics, int pageRows) {
    this.migrator = migrator;
    this.metrics = metrics;
    this.pageRows = pageRows;
  }

  /** Copies the next page of every replicated table; returns how many rows were copied. */
  public synchronized long round() {
    long copied = 0;
    boolean full = false;
    for (ReplicatedTable table : migrator.replicatedTables()) {
      if (settled.contains(table.table())) {
        continue;
      }
      long rows = copy(table);
      copied += rows;
      boolean caughtUp = rows < pageRows;
      full |= !caughtUp;
      if (caughtUp && table.fedSince().isPresent()) {
        settled.add(table.table());
      }
      // A page that was not full held every row past the watermark: the replica has caught up,
      // and the newest rows need not be looked for (a scan of both whole tables every round).
      lag(table.table()).set(caughtUp ? 0 : measureLag(table.table()));
    }
    behind = full;
    return copied;
  }

  /**
   * Whether the last round filled a page of some table: more rows wait, so the next round need not
   * wait for the interval (a page a second would cap the copy at {@code pageRows} rows a second).
   */
  public boolean behind() {
    return behind;
  }

  /**
   * The last measured lag of a table's replica in seconds, or -1 before the first round that saw
   * it.
   */
  public long lagSeconds(String table) {
    AtomicLong lag = lags.get(table);
    return lag == null ? -1 : lag.get();
  }

  private long copy(ReplicatedTable replicated) {
    String table = replicated.table();
    AnalyticalStore store = migrator.store();
    Watermark mark = watermarks.computeIfAbsent(table, t -> start(replicated));
    RowSelection past =
        replicated
            .fedSince()
            .map(until -> ReplicaPage.past(mark, until))
            .orElseGet(() -> ReplicaPage.past(mark));
    ObjectNode end =
        store
            .queryJson(ReplicaPage.end(table, pageRows, store.selecting(past)), past.parameters())
            .get(0);
    long rows = end.path("n").asLong();
    if (rows > 0) {
      Watermark last = Watermark.ofKey(end.get("last").asText());
      store.copyRows(table, table + DataMigrator.REPLICA_SUFFIX, ReplicaPage.copy(mark, last));
      watermarks.put(table, last);
    }
    return rows;
  }

  /**
   * Where a keeper that has not copied anything yet starts: after the replica's newest row, up to
   * its feed's second for a fed replica.
   */
  private Watermark start(ReplicatedTable replicated) {
    Optional<String> until = replicated.fedSince();
    List<ObjectNode> newest =
        migrator
            .store()
            .queryJson(
                ReplicaPage.newestRow(replicated.table() + DataMigrator.REPLICA_SUFFIX, until),
                ReplicaPage.untilParameters(until));
    return newest.isEmpty()
        ? ReplicaPage.NEVER
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

  private long measureLag(String table) {
    ObjectNode newest =
        migrator
            .store()
            .queryJson(ReplicaPage.newest(table, table + DataMigrator.REPLICA_SUFFIX))
            .get(0);
    return Math.max(0, seconds(newest.get("source")) - seconds(newest.get("replica")));
  }

  /** A newest ingested_at in seconds on the store's clock; the epoch for an empty table. */
  private static long seconds(JsonNode newest) {
    // An empty table: ClickHouse 18.16 answers the zero date, DuckDB null.
    String text =
        newest == null || newest.isNull() || newest.asText().startsWith("0000")
            ? ReplicaPage.NEVER.ingestedAt()
            : newest.asText();
    return LocalDateTime.parse(text, DATE_TIME).toEpochSecond(ZoneOffset.UTC);
  }
}
