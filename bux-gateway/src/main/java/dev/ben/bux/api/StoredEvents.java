package dev.ben.bux.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Stored events with their decisions, read from the front-end replica tables of a pipeline (those
 * of its schemas stored with {@code replica on}), newest first. Futures fail with {@link
 * ReadFailure}: NOT_FOUND for an unknown pipeline, BAD_REQUEST for a pipeline without replica
 * tables, UNAVAILABLE when the store did not answer.
 */
public interface StoredEvents {

  CompletionStage<EventPage> query(EventQuery query);

  /**
   * Events of {@code pipeline} received within [{@code from}, {@code to}), matching every filter
   * given: app, a rule that fired, the action, a playbook that fired or was suppressed, a value of
   * one of the schema's key fields; at most {@code limit}, strictly older than {@code after} when
   * given.
   */
  record EventQuery(
      String pipeline,
      Instant from,
      Instant to,
      Optional<String> app,
      Optional<String> rule,
      Optional<String> action,
      Optional<String> playbook,
      Optional<String> key,
      int limit,
      Optional<EventCursor> after) {}

  /**
   * Where a page ended: the last event's receipt time (as stored, whole seconds) and id. Opaque to
   * clients ({@link ApiParameters} encodes it).
   */
  record EventCursor(long receivedAtMs, String eventId) {}

  /** {@code next}: where the following page starts, empty when this one was the last. */
  record EventPage(List<StoredEvent> events, Optional<EventCursor> next) {

    public EventPage {
      events = List.copyOf(events);
    }
  }

  /**
   * One stored event: the fields of its schema as {@code body} (with values redacted as stored),
   * and what the contract decided as {@code decisions}.
   */
  record StoredEvent(
      String eventId,
      String pipeline,
      String app,
      long receivedAtMs,
      ObjectNode body,
      ObjectNode decisions) {}
}
