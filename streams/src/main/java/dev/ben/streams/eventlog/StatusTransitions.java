package dev.ben.streams.eventlog;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves a consumer may make with an event it claimed: Started → In Progress → Succeeded |
 * Failed | Cancelled; Started → Cancelled; Succeeded or Failed → Acknowledged. In Progress → In
 * Progress renews the lease of a long task. Nothing moves backwards, and Started is reached only by
 * a claim (a first delivery, or a redelivery after the lease passed).
 */
public final class StatusTransitions {

  private static final Map<ConsumerStatus, Set<ConsumerStatus>> ALLOWED =
      Map.of(
          ConsumerStatus.STARTED,
          EnumSet.of(ConsumerStatus.IN_PROGRESS, ConsumerStatus.CANCELLED),
          ConsumerStatus.IN_PROGRESS,
          EnumSet.of(
              ConsumerStatus.IN_PROGRESS,
              ConsumerStatus.SUCCEEDED,
              ConsumerStatus.FAILED,
              ConsumerStatus.CANCELLED),
          ConsumerStatus.SUCCEEDED,
          EnumSet.of(ConsumerStatus.ACKNOWLEDGED),
          ConsumerStatus.FAILED,
          EnumSet.of(ConsumerStatus.ACKNOWLEDGED),
          ConsumerStatus.CANCELLED,
          EnumSet.noneOf(ConsumerStatus.class),
          ConsumerStatus.ACKNOWLEDGED,
          EnumSet.noneOf(ConsumerStatus.class));

  private StatusTransitions() {}

  public static boolean allows(ConsumerStatus from, ConsumerStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /** Finished: the consumer is done with the event, whatever the outcome; never redelivered. */
  public static boolean isFinished(ConsumerStatus status) {
    return status != ConsumerStatus.STARTED && status != ConsumerStatus.IN_PROGRESS;
  }

  /** Whether the status holds a lease, past which the event is given to the next claimer. */
  public static boolean isLeased(ConsumerStatus status) {
    return !isFinished(status);
  }

  /** The refusal of a move the transitions do not allow, saying what is allowed instead. */
  static EventRefusedException refusal(ConsumerStatus from, ConsumerStatus to, String eventId) {
    Set<ConsumerStatus> next = ALLOWED.get(from);
    return new EventRefusedException(
        EventRefusedException.Kind.CONFLICT,
        "/status",
        "event "
            + eventId
            + " cannot move from "
            + from
            + " to "
            + to
            + (next.isEmpty() ? " (" + from + " is final)" : " (allowed: " + next + ")"));
  }
}
