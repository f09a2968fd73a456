package dev.ben.actors.signal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.streams.eventlog.EventDraft;
import dev.ben.streams.eventlog.EventSubjects;
import dev.ben.streams.flow.Envelope;

/**
 * The event-log drafts of a playbook's decision and of its signal's way to the app: {@code
 * playbook.fired} and {@code playbook.suppressed} name the event that made the playbook's condition
 * hold ({@code data.event_id}) and the contract version that decided it; the signal's events hang
 * under the firing. Free text is cut to what the types allow, so a long explanation never costs the
 * event.
 */
final class SignalEvents {

  static final int MAX_TEXT = 2000;
  private static final int MAX_NAME = 200;
  private static final int MAX_ENTRY = 300;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SignalEvents() {}

  static EventDraft fired(Envelope event, long version, PlaybookOutcome outcome, String userKey) {
    ObjectNode data = decision(event, outcome);
    data.putArray("actions").add(cut(outcome.signal(), MAX_NAME));
    if (outcome.rules() != null && !outcome.rules().isEmpty()) {
      data.put("rule", cut(outcome.rules().get(0), MAX_NAME));
    }
    putText(data, "explanation", outcome.explanation());
    String entry =
        outcome.playbook() + " fired " + outcome.signal() + " on event " + event.eventId();
    return draft("playbook.fired", entry, data, null, event, version, userKey);
  }

  /**
   * {@code leftOut}: suppressions of the same playbook and arguments not recorded since the last.
   */
  static EventDraft suppressed(
      Envelope event, long version, PlaybookOutcome outcome, long leftOut, String userKey) {
    ObjectNode data = decision(event, outcome).put("left_out", leftOut);
    String why =
        outcome.reason() == null || outcome.reason().isBlank() ? "suppressed" : outcome.reason();
    data.put("reason", reasonOf(why)).put("explanation", cut(why, MAX_TEXT));
    String entry = outcome.playbook() + " suppressed on event " + event.eventId() + ": " + why;
    return draft("playbook.suppressed", entry, data, null, event, version, userKey);
  }

  static EventDraft published(Signal signal, String firingId) {
    ObjectNode data =
        JSON.objectNode()
            .put("signal_id", signal.publishedEventId())
            .put("kind", cut(signal.signal(), MAX_NAME))
            .put("target", cut(signal.app(), MAX_NAME))
            .put("event_id", cut(signal.eventId(), MAX_NAME));
    String entry = signal.signal() + " sent towards app " + signal.app();
    return draft("signal.published", entry, data, firingId, signal);
  }

  static EventDraft delivered(Signal signal, String connection) {
    ObjectNode data =
        JSON.objectNode().put("signal_id", signal.publishedEventId()).put("connection", connection);
    String entry = signal.signal() + " reached app " + signal.app() + " over " + connection;
    return draft("signal.delivered", entry, data, signal.publishedEventId(), signal);
  }

  static EventDraft dropped(Signal signal, String reason) {
    ObjectNode data =
        JSON.objectNode().put("signal_id", signal.publishedEventId()).put("reason", reason);
    String entry = signal.signal() + " for app " + signal.app() + " dropped: " + reason;
    return draft("signal.dropped", entry, data, signal.publishedEventId(), signal);
  }

  /** The suppression's kind, from the verdict its bound gave ({@code Bounds}). */
  static String reasonOf(String verdict) {
    if (verdict.startsWith("cooldown")) {
      return "cooldown";
    }
    if (verdict.startsWith("rate")) {
      return "budget";
    }
    return "other";
  }

  private static ObjectNode decision(Envelope event, PlaybookOutcome outcome) {
    ObjectNode data =
        JSON.objectNode()
            .put("playbook", cut(outcome.playbook(), MAX_NAME))
            .put("event_id", cut(event.eventId(), MAX_NAME));
    putText(data, "condition", outcome.condition());
    return data;
  }

  private static EventDraft draft(
      String type,
      String entry,
      ObjectNode data,
      String parent,
      Envelope event,
      long version,
      String userKey) {
    EventSubjects subjects =
        new EventSubjects(
            event.pipeline(), Long.toString(version), event.app(), cut(userKey, MAX_NAME));
    return new EventDraft(type, cut(entry, MAX_ENTRY), data, parent, subjects);
  }

  private static EventDraft draft(
      String type, String entry, ObjectNode data, String parent, Signal signal) {
    EventSubjects subjects =
        new EventSubjects(
            signal.pipeline(),
            Long.toString(signal.contractVersion()),
            signal.app(),
            cut(signal.userKey(), MAX_NAME));
    return new EventDraft(type, cut(entry, MAX_ENTRY), data, parent, subjects);
  }

  private static void putText(ObjectNode data, String field, String text) {
    if (text != null && !text.isBlank()) {
      data.put(field, cut(text, MAX_TEXT));
    }
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
