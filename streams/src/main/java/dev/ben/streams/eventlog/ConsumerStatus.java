package dev.ben.streams.eventlog;

/**
 * Where one consumer is with one event. A claim starts it; the consumer moves it forward under
 * {@link StatusTransitions}. Started and In Progress hold a lease; the rest are finished, and a
 * finished event is never given to that consumer again.
 */
public enum ConsumerStatus {
  STARTED,
  IN_PROGRESS,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  ACKNOWLEDGED
}
