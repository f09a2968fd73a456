package dev.ben.streams.eventlog;

import dev.ben.streams.rocks.RocksIndex;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The embedded default event log: one RocksDB directory (conventionally {@code
 * <ben.home>/data/eventlog}) surviving restarts, written with sync so an appended event or a moved
 * status survives a machine crash. Only one process may hold it.
 */
public final class RocksEventLogStore extends SpaceEventLogStore {

  private RocksEventLogStore(RocksIndex index, Clock clock) {
    super(new RocksEventSpace(index), clock);
  }

  /** Opens (creating when missing) the log in {@code dir}; leases are measured on {@code clock}. */
  public static RocksEventLogStore open(Path dir, Clock clock) {
    return new RocksEventLogStore(RocksIndex.open(dir, true), clock);
  }
}
