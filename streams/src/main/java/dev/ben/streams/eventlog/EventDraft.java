package dev.ben.streams.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What a publisher asks the log to record. It carries no id, source or time: the log assigns the id
 * and time, and the source is whoever the caller authenticated, never something a body claims.
 * {@code parentId} (null for a root) must name an event already in the log.
 */
public record EventDraft(
    String type, String entry, JsonNode data, String parentId, EventSubjects subjects) {

  public EventDraft {
    entry = entry == null ? "" : entry;
    data = data == null ? JsonNodeFactory.instance.objectNode() : data;
    parentId = parentId == null || parentId.isBlank() ? null : parentId;
    subjects = subjects == null ? EventSubjects.NONE : subjects;
  }

  public static EventDraft of(String type, String entry, JsonNode data) {
    return new EventDraft(type, entry, data, null, EventSubjects.NONE);
  }

  public EventDraft withParent(String parentId) {
    return new EventDraft(type, entry, data, parentId, subjects);
  }

  public EventDraft withSubjects(EventSubjects subjects) {
    return new EventDraft(type, entry, data, parentId, subjects);
  }
}
