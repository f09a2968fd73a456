package dev.ben.streams.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded event. {@code id} is time-ordered and unique (a UUIDv7 the log assigned); {@code
 * source} is the authenticated component that published it; {@code entry} is a one-line human
 * summary; {@code data} was valid for the type's schema when recorded; {@code parentId} (null for a
 * root) names the event that caused this one, which gives lineage.
 */
public record LogEvent(
    String id,
    String type,
    String source,
    String entry,
    JsonNode data,
    String parentId,
    EventSubjects subjects,
    Instant createdAt) {

  public LogEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(createdAt, "createdAt");
    entry = entry == null ? "" : entry;
    subjects = subjects == null ? EventSubjects.NONE : subjects;
    if (id.equals(parentId)) {
      throw EventRefusedException.invalid("/parent_id", "an event cannot be its own parent");
    }
  }
}
