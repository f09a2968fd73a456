package dev.ben.streams.eventlog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event log's durable state: events in append order, and each consumer's status of each event.
 * Implementations keep it in RocksDB ({@link RocksEventLogStore}) or NATS ({@link
 * NatsEventLogStore}) and behave the same; time (leases) comes from the clock they were opened
 * with. This layer trusts its caller ({@link EventLog}) to have checked who publishes and that the
 * event is valid; it enforces only what needs the log's own state: parents exist, and status moves
 * follow {@link StatusTransitions}. Refusals are {@link EventRefusedException}s.
 */
public interface EventLogStore extends AutoCloseable {

  /**
   * Appends the event and returns it with its position. A parent that is not in the log is refused
   * (NOT_FOUND). Ids are not checked again: the log made them, unique by construction.
   */
  StoredEvent append(LogEvent event);

  /**
   * Up to {@code limit} events at or after {@code fromPosition}, in position order; with a
   * non-empty {@code types} only events of those types.
   */
  List<StoredEvent> read(long fromPosition, Set<String> types, int limit);

  Optional<StoredEvent> get(String eventId);

  /** The events whose parent is {@code eventId}, in position order. */
  List<StoredEvent> children(String eventId);

  /**
   * Hands the consumer up to {@code limit} events of the types (all types when empty), in position
   * order, that it has not finished and that no claim of it holds under an unexpired lease; each
   * becomes Started with a lease of {@code lease}. Two claimers of one consumer racing for an
   * event: exactly one gets it.
   */
  List<Claim> claim(String consumer, Set<String> types, int limit, Duration lease);

  /**
   * Moves the consumer's status of the event; refuses an event the consumer never claimed
   * (NOT_FOUND) and a move {@link StatusTransitions} does not allow (CONFLICT). The instances of
   * one consumer share its status: a move is not tied to the claim that started it, so an instance
   * finishing after its lease passed finishes the event for all of them.
   */
  Consumption move(String consumer, String eventId, ConsumerStatus status, String note);

  /** Every consumer's current status of the event, sorted by consumer. */
  List<Consumption> statuses(String eventId);

  /** Releases what the store opened; a NATS store leaves the shared client connected. */
  @Override
  void close();
}
