package dev.ben.streams.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.model.EventTypeNames;
import java.nio.charset.StandardCharsets;

/**
 * The event types contract projects declare. The ledger records each as a {@link #DECLARED} event
 * when a version declaring it becomes active; the log declares the type when it records that event,
 * and every node declares it again when it reads the event back (at start, or when a publisher
 * names a type it does not know yet), so the types survive restarts and reach every node like
 * component registrations do. A type keeps its first schema ({@link EventTypes}): a later version
 * may add types, and may declare a type again only with the same schema.
 */
public final class ProjectTypes {

  /** The type of the event recording a declaration; the ledger publishes it. */
  public static final String DECLARED = "ledger.event_type_declared";

  private ProjectTypes() {}

  /** The data of a {@link #DECLARED} event. */
  public static ObjectNode declaration(String type, JsonNode schema, long version) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("type", type);
    data.set("schema", schema.deepCopy());
    data.put("version", version);
    return data;
  }

  /**
   * Refuses a declaration that cannot be made: a name under one of Ben's own prefixes or without
   * its pipeline, or a schema the types refuse (another schema for a declared type: CONFLICT).
   */
  public static void check(EventTypes types, String type, JsonNode schema) {
    int dot = type == null ? -1 : type.indexOf('.');
    if (dot <= 0) {
      throw EventRefusedException.invalid(
          "/data/type", "`" + type + "` must be `<pipeline>.<name>`");
    }
    if (EventTypeNames.RESERVED_PREFIXES.contains(type.substring(0, dot))) {
      throw EventRefusedException.invalid(
          "/data/type", "`" + type + "` starts with the prefix of Ben's own event types");
    }
    types.checkDeclarable(type, new String(EventCodec.bytes(schema), StandardCharsets.UTF_8));
  }

  /** Declares what a recorded {@link #DECLARED} event holds. */
  static void apply(EventTypes types, JsonNode data) {
    String type = data.path("type").asText();
    check(types, type, data.path("schema"));
    types.declare(type, new String(EventCodec.bytes(data.path("schema")), StandardCharsets.UTF_8));
  }
}
