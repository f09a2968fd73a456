package dev.ben.streams.eventlog;

/**
 * An event as the log holds it: with its position, which increases in the order events were
 * appended (RocksDB: a counter; NATS: the stream sequence), so readers resume after the last one
 * they saw. Positions need not be dense.
 */
public record StoredEvent(long position, LogEvent event) {

  public String id() {
    return event.id();
  }

  public String type() {
    return event.type();
  }
}
