package dev.ben.streams.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;

/**
 * Appends one large batch of typed rows on several connections of the same database at once, each
 * its share of the rows in a transaction of its own through its own {@link DuckDbAppendLoader}.
 * DuckDB commits the transactions one after another, but turns each one's appended values into row
 * groups and key-index entries on its own connection's thread, which is most of an append's cost.
 *
 * <p>Rows are shared out by their {@code event_id}, so a key repeated within the batch lands in one
 * share, whose loader keeps its first row. The batch is no longer one transaction: when a share
 * fails, the call fails after every share has finished, and the batch's retry finds the other
 * shares' keys stored and skips them (the store is idempotent on {@code event_id}).
 */
final class DuckDbWriters implements AutoCloseable {

  /**
   * Two of DuckDB's 2,048-row chunks (its vector size): a small batch, as the store stage writes
   * under light load, keeps one transaction on one connection.
   */
  static final int ROWS_PER_SHARE_AT_LEAST = 2 * 2048;

  private final List<DuckDbAppendLoader> loaders;
  private final List<Connection> ownConnections;
  private final ExecutorService others;

  private DuckDbWriters(
      List<DuckDbAppendLoader> loaders, List<Connection> ownConnections, ExecutorService others) {
    this.loaders = loaders;
    this.ownConnections = ownConnections;
    this.others = others;
  }

  /**
   * @param connection the store's connection, which appends the first share on the caller's thread
   * @param writers how many connections append at most, {@code connection} included
   */
  static DuckDbWriters open(Connection connection, ObjectMapper mapper, int writers)
      throws SQLException {
    List<DuckDbAppendLoader> loaders = new ArrayList<>();
    List<Connection> own = new ArrayList<>();
    loaders.add(new DuckDbAppendLoader(connection, mapper));
    try {
      for (int i = 1; i < writers; i++) {
        Connection more = ((DuckDBConnection) connection).duplicate();
        own.add(more);
        loaders.add(new DuckDbAppendLoader(more, mapper));
      }
    } catch (SQLException e) {
      closeAll(own);
      throw e;
    }
    ExecutorService others =
        writers > 1 ? Executors.newFixedThreadPool(writers - 1, threads()) : null;
    return new DuckDbWriters(List.copyOf(loaders), List.copyOf(own), others);
  }

  /** The loader on the store's own connection, for everything but large typed batches. */
  DuckDbAppendLoader first() {
    return loaders.get(0);
  }

  void load(String table, TypedRows rows) {
    int shares = Math.min(loaders.size(), rows.size() / ROWS_PER_SHARE_AT_LEAST);
    if (shares <= 1) {
      first().load(table, rows);
      return;
    }
    List<TypedRows> parts = RowShares.byEventId(rows, shares);
    List<CompletableFuture<Void>> running = new ArrayList<>(shares - 1);
    for (int i = 1; i < shares; i++) {
      DuckDbAppendLoader loader = loaders.get(i);
      TypedRows part = parts.get(i);
      running.add(CompletableFuture.runAsync(() -> loader.load(table, part), others));
    }
    RuntimeException failed = null;
    try {
      first().load(table, parts.get(0));
    } catch (RuntimeException e) {
      failed = e;
    }
    // Every share finishes before the call returns, so no append outlives the store's lock.
    for (CompletableFuture<Void> share : running) {
      try {
        share.join();
      } catch (RuntimeException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
        if (failed == null) {
          failed = cause;
        } else {
          failed.addSuppressed(cause);
        }
      }
    }
    if (failed != null) {
      throw new StoreException(
          "embedded store: inserting "
              + rows.size()
              + " rows into "
              + table
              + " on "
              + shares
              + " connections failed (the other shares' rows may be stored; a retry skips them): "
              + failed.getMessage(),
          failed);
    }
  }

  /** Called after DDL: every loader reads a table's columns again before its next batch. */
  void forgetColumns() {
    loaders.forEach(DuckDbAppendLoader::forgetColumns);
  }

  @Override
  public void close() {
    if (others != null) {
      others.shutdownNow();
    }
    closeAll(ownConnections);
  }

  private static void closeAll(List<Connection> connections) {
    for (Connection c : connections) {
      try {
        c.close();
      } catch (SQLException e) {
        // Closing the store's own connection reports what matters; a duplicate's close cannot.
      }
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "ben-embedded-writer-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
