package dev.ben.actors.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import dev.ben.streams.store.StoreException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real store with a gate in front of one table: inserts into it wait until the test opens the
 * gate, as they would while the store is down or stalled. Everything else (DDL, the migration
 * record, queries) passes straight through.
 */
public final class GatedStore implements AnalyticalStore {

  private final AnalyticalStore store;
  private final String table;
  private final CountDownLatch open;

  public GatedStore(AnalyticalStore store, String table, CountDownLatch open) {
    this.store = store;
    this.table = table;
    this.open = open;
  }

  @Override
  public void insertJsonRows(String into, List<String> jsonRows) {
    try {
      // The outage: the writer waits here until the load is in, not a synchronisation of the test.
      if (into.equals(table) && !open.await(60, TimeUnit.SECONDS)) {
        throw new StoreException("the test never opened the gate of " + table);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted at the gate of " + table, e);
    }
    store.insertJsonRows(into, jsonRows);
  }

  @Override
  public void execute(String sql) {
    store.execute(sql);
  }

  @Override
  public List<ObjectNode> queryJson(String sql) {
    return store.queryJson(sql);
  }

  @Override
  public String describe() {
    return "gated " + store.describe();
  }

  @Override
  public boolean embedded() {
    return store.embedded();
  }

  @Override
  public boolean feedsReplicas() {
    return store.feedsReplicas();
  }

  @Override
  public void close() {
    store.close();
  }
}
