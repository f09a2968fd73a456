package dev.ben.streams.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The stored form of events and consumer statuses: JSON with snake_case names, times as ISO-8601
 * instants, so what a backend holds reads the same to people and to other tools.
 */
final class EventCodec {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventCodec() {}

  static byte[] write(LogEvent e) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", e.id());
    node.put("type", e.type());
    node.put("source", e.source());
    node.put("entry", e.entry());
    node.set("data", e.data());
    node.put("parent_id", e.parentId());
    ObjectNode subjects = node.putObject("subjects");
    subjects.put("pipeline", e.subjects().pipeline());
    subjects.put("contract_version", e.subjects().contractVersion());
    subjects.put("app", e.subjects().app());
    subjects.put("user_key", e.subjects().userKey());
    node.put("created_at", e.createdAt().toString());
    return bytes(node);
  }

  static LogEvent readEvent(byte[] bytes) {
    JsonNode node = tree(bytes);
    JsonNode subjects = node.path("subjects");
    return new LogEvent(
        text(node, "id"),
        text(node, "type"),
        text(node, "source"),
        text(node, "entry"),
        node.get("data"),
        text(node, "parent_id"),
        new EventSubjects(
            text(subjects, "pipeline"),
            text(subjects, "contract_version"),
            text(subjects, "app"),
            text(subjects, "user_key")),
        Instant.parse(text(node, "created_at")));
  }

  /** A status; {@code revision} is the embedded store's compare-and-set counter (0 with NATS). */
  static byte[] write(Consumption c, long revision) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("event_id", c.eventId());
    node.put("consumer", c.consumer());
    node.put("status", c.status().name());
    node.put("note", c.note());
    node.put("attempt", c.attempt());
    node.put("lease_ms", c.lease().toMillis());
    node.put("lease_until", c.leaseUntil() == null ? null : c.leaseUntil().toString());
    node.put("updated_at", c.updatedAt().toString());
    node.put("revision", revision);
    return bytes(node);
  }

  static Consumption readConsumption(byte[] bytes) {
    JsonNode node = tree(bytes);
    String until = text(node, "lease_until");
    return new Consumption(
        text(node, "event_id"),
        text(node, "consumer"),
        ConsumerStatus.valueOf(text(node, "status")),
        text(node, "note"),
        node.path("attempt").asInt(),
        Duration.ofMillis(node.path("lease_ms").asLong()),
        until == null ? null : Instant.parse(until),
        Instant.parse(text(node, "updated_at")));
  }

  static long revisionOf(byte[] consumption) {
    return tree(consumption).path("revision").asLong();
  }

  /** Compact JSON of a data tree; its length is what the data bound counts. */
  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  static JsonNode tree(byte[] bytes) {
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(
          "a stored event-log record is not JSON: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
