package dev.ben.streams.eventlog.archive;

import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.eventlog.query.EventHistory;
import dev.ben.streams.eventlog.query.EventQuery;
import dev.ben.streams.eventlog.query.EventSource;
import dev.ben.streams.store.AnalyticalStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The event log's history in the analytical store. {@link #copyNext()} copies the events after the
 * newest one the table holds, one page at a time, so a copier that restarts (or moves to another
 * node with its singleton) resumes where the table ends and a round's work stays bounded however
 * far behind it is. {@link #find} answers a search over what was copied with SQL, filtering by
 * type, pipeline and time in the store rather than by reading every event. All methods block.
 */
public final class EventArchive implements EventHistory {

  private final AnalyticalStore store;
  private final EventSource log;
  private volatile boolean tableReady;

  /** {@code log}: what is copied, page by page ({@link EventSource#pageSize()} events a round). */
  public EventArchive(AnalyticalStore store, EventSource log) {
    this.store = store;
    this.log = log;
  }

  /** Copies the next page of events; returns how many it copied (a full page: call again). */
  public int copyNext() {
    ensureTable();
    List<StoredEvent> page = log.scan(copiedUpTo() + 1, Set.of(), log.pageSize());
    if (!page.isEmpty()) {
      store.insertJsonRows(ArchiveTable.TABLE, page.stream().map(ArchiveTable::row).toList());
    }
    return page.size();
  }

  /** True when the last {@link #copyNext()} may have left events behind. */
  public boolean fullPage(int copied) {
    return copied == log.pageSize();
  }

  /** The position of the newest copied event, -1 before the first. */
  @Override
  public long copiedUpTo() {
    if (!tableThere()) {
      return -1;
    }
    var rows = store.queryJson("SELECT count(*) AS n, max(position) AS last FROM " + table());
    return rows.get(0).path("n").asLong() == 0 ? -1 : rows.get(0).path("last").asLong();
  }

  /**
   * Up to {@code query.limit()} copied events matching the query at positions from {@code
   * query.fromPosition()} to {@code upTo}, in position order.
   */
  @Override
  public List<StoredEvent> find(EventQuery query, long upTo) {
    if (!tableThere()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(ArchiveTable.COLUMNS)
            .append(" FROM ")
            .append(table())
            .append(" WHERE position >= ? AND position <= ? AND created_ms >= ?");
    List<Object> parameters =
        new ArrayList<>(List.of(query.fromPosition(), upTo, query.sinceMillis()));
    if (query.pipeline() != null) {
      sql.append(" AND pipeline = ?");
      parameters.add(query.pipeline());
    }
    if (!query.types().isEmpty()) {
      sql.append(" AND type IN (")
          .append(String.join(", ", query.types().stream().map(t -> "?").toList()))
          .append(')');
      parameters.addAll(query.types().stream().sorted().toList());
    }
    sql.append(" ORDER BY position LIMIT ").append(query.limit());
    return store.queryJson(sql.toString(), parameters).stream().map(ArchiveTable::event).toList();
  }

  private String table() {
    // FINAL: an event copied twice and not merged yet would otherwise be found twice.
    return ArchiveTable.TABLE + " FINAL";
  }

  /** Whether the table exists; once it does, the store is not asked again. */
  private boolean tableThere() {
    if (!tableReady && store.tableExists(ArchiveTable.TABLE)) {
      tableReady = true;
    }
    return tableReady;
  }

  private void ensureTable() {
    if (!tableReady) {
      store.execute(ArchiveTable.DDL);
      tableReady = true;
    }
  }
}
