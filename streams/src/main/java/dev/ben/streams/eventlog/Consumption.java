package dev.ben.streams.eventlog;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One consumer's status of one event: the last move's note, how many times the event was handed to
 * the consumer ({@code attempt}, 1 for the first delivery), the lease length the claim asked for,
 * and while the status is leased, when the lease ends ({@code leaseUntil}, null once finished).
 */
public record Consumption(
    String eventId,
    String consumer,
    ConsumerStatus status,
    String note,
    int attempt,
    Duration lease,
    Instant leaseUntil,
    Instant updatedAt) {

  public Consumption {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(updatedAt, "updatedAt");
    note = note == null ? "" : note;
  }

  /** A claim: the first delivery, or a redelivery of {@code previous} whose lease passed. */
  static Consumption claimed(
      String eventId, String consumer, Consumption previous, Duration lease, Instant now) {
    int attempt = previous == null ? 1 : previous.attempt + 1;
    return new Consumption(
        eventId, consumer, ConsumerStatus.STARTED, "", attempt, lease, now.plus(lease), now);
  }

  /** This status moved to {@code next}; a leased status gets a fresh lease of the same length. */
  Consumption movedTo(ConsumerStatus next, String note, Instant now) {
    Instant until = StatusTransitions.isLeased(next) ? now.plus(lease) : null;
    return new Consumption(eventId, consumer, next, note, attempt, lease, until, now);
  }

  /** Whether a claimer may take the event now: leased, and the lease has passed. */
  boolean leaseExpired(Instant now) {
    return StatusTransitions.isLeased(status) && !leaseUntil.isAfter(now);
  }

  public boolean finished() {
    return StatusTransitions.isFinished(status);
  }
}
