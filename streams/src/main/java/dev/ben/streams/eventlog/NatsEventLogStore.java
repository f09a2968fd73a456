package dev.ben.streams.eventlog;

import dev.ben.config.EventLogSettings;
import dev.ben.streams.nats.NatsClient;
import java.time.Clock;

/**
 * The event log in NATS: events in a JetStream stream, consumer statuses and leases in a KV bucket
 * (see {@link NatsEventSpace}). All state is on the server, so any node (or a restarted one) sees
 * the same log, and claims from several nodes are safe. History in the analytical store
 * (ClickHouse) is not kept yet: the stream is the record.
 */
public final class NatsEventLogStore extends SpaceEventLogStore {

  private NatsEventLogStore(NatsClient nats, EventLogSettings settings, Clock clock) {
    super(new NatsEventSpace(nats, settings), clock);
  }

  /**
   * Creates the stream and bucket when missing. The client stays the caller's: closing this leaves
   * it open. Leases are measured on {@code clock}.
   */
  public static NatsEventLogStore open(NatsClient nats, EventLogSettings settings, Clock clock) {
    return new NatsEventLogStore(nats, settings, clock);
  }
}
