package dev.ben.actors.signal;

import dev.ben.actors.ClusterSerializable;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.streams.flow.Envelope;
import java.util.Map;
import java.util.Objects;

/**
 * A signal a playbook emitted, on its way back to the app whose event fired it: the signal's name
 * and arguments, and enough to explain it (pipeline, playbook, contract version, the event, when,
 * and the playbook's explanation). {@code publishedEventId} is the id of its {@code
 * signal.published} event in the event log, the parent of what becomes of it; apps never see it.
 */
public record Signal(
    String app,
    String pipeline,
    String signal,
    Map<String, Object> args,
    String playbook,
    long contractVersion,
    String eventId,
    long atMillis,
    String explanation,
    String publishedEventId,
    String userKey)
    implements ClusterSerializable {

  public Signal {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(signal, "signal");
    args = args == null ? Map.of() : args;
  }

  /**
   * The signal of a playbook that fired on the event, published as {@code publishedEventId}, about
   * {@code userKey} (the event's detector key, for the event log).
   */
  public static Signal fired(
      Envelope event,
      long contractVersion,
      PlaybookOutcome outcome,
      String publishedEventId,
      String userKey) {
    return new Signal(
        event.app(),
        event.pipeline(),
        outcome.signal(),
        outcome.args(),
        outcome.playbook(),
        contractVersion,
        event.eventId(),
        outcome.atMillis(),
        outcome.explanation(),
        publishedEventId,
        userKey);
  }
}
