package dev.ben.streams.ledger;

import dev.ben.config.LedgerSettings;
import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The embedded default ledger: everything in one RocksDB directory (conventionally {@code
 * <ben.home>/data/ledger}), surviving restarts. RocksDB has no change feed, so header watches are
 * served in-process: a header write and its notification happen under one lock, as does a new
 * watch's snapshot, so every watcher sees each change exactly once and in the order it was written.
 */
public final class RocksLedgerStore extends SpaceLedgerStore {

  private final Object headerLock = new Object();
  private final List<HeaderWatch> watches = new CopyOnWriteArrayList<>();

  private RocksLedgerStore(RocksIndex index, LedgerSettings settings) {
    super(new RocksSpace(index), settings);
  }

  /**
   * Opens (creating when missing) the ledger in {@code dir}; only one process may hold it at a
   * time.
   */
  public static RocksLedgerStore open(Path dir, LedgerSettings settings) {
    return new RocksLedgerStore(RocksIndex.open(dir, true), settings);
  }

  @Override
  public void putHeader(PipelineHeader header) {
    synchronized (headerLock) {
      super.putHeader(header);
      publish(HeaderChange.put(header));
    }
  }

  @Override
  public boolean deleteHeader(String pipeline) {
    synchronized (headerLock) {
      boolean existed = super.deleteHeader(pipeline);
      if (existed) {
        publish(HeaderChange.deleted(pipeline));
      }
      return existed;
    }
  }

  @Override
  public HeaderWatch watchHeaders(Consumer<HeaderChange> listener) {
    HeaderWatch watch = new HeaderWatch(listener);
    synchronized (headerLock) {
      for (PipelineHeader header : listHeaders()) {
        watch.deliver(HeaderChange.put(header));
      }
      watch.deliver(HeaderChange.synced());
      watches.add(watch);
      watch.onClose(() -> watches.remove(watch));
    }
    return watch;
  }

  @Override
  public void close() {
    watches.forEach(HeaderWatch::close);
    super.close();
  }

  private void publish(HeaderChange change) {
    for (HeaderWatch watch : watches) {
      watch.deliver(change);
    }
  }
}
