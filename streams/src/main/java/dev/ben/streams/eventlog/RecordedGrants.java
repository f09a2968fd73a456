package dev.ben.streams.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Applies a recorded {@link EventLog#COMPONENT_REGISTERED} or {@link ProjectTypes#DECLARED} event
 * to this node's components and types, when the log is read back.
 */
final class RecordedGrants {

  private final EventTypes types;
  private final Components components;

  RecordedGrants(EventTypes types, Components components) {
    this.types = types;
    this.components = components;
  }

  /** Whether the event registered a component or declared a type this node did not know. */
  boolean apply(LogEvent event) {
    if (!ProjectTypes.DECLARED.equals(event.type())) {
      return reRegister(event.data());
    }
    if (!BuiltInComponents.LEDGER.equals(event.source())) {
      return false; // the log records declarations only from the ledger
    }
    boolean known = types.isDeclared(event.data().path("type").asText());
    try {
      ProjectTypes.apply(types, event.data());
      return !known;
    } catch (EventRefusedException conflicting) {
      return false; // the log refuses such a declaration when it is published; a first one stays
    }
  }

  private boolean reRegister(JsonNode data) {
    if (BuiltInComponents.NAMES.contains(data.path("component").asText())) {
      return false; // only a node grants its own components what they may publish
    }
    try {
      components.register(
          new Component(
              data.path("component").asText(),
              texts(data.path("publishes")),
              texts(data.path("consumes"))));
      return true;
    } catch (EventRefusedException undeclared) {
      return false;
    }
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }
}
