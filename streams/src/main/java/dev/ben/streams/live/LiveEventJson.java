package dev.ben.streams.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.flow.Envelope;

/**
 * The live-feed message for one event: {@code
 * {"type":"event","pipeline":..,"app":..,"event_id":..,...}}.
 */
public final class LiveEventJson {

  private LiveEventJson() {}

  public static String render(ObjectMapper mapper, Envelope envelope) {
    ObjectNode message =
        mapper
            .createObjectNode()
            .put("type", "event")
            .put("pipeline", envelope.pipeline())
            .put("app", envelope.app())
            .put("event_id", envelope.eventId())
            .put("received_at", envelope.receivedAtMillis());
    message.set("body", envelope.body());
    try {
      return mapper.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      // An ObjectNode built from parsed JSON always serialises; reaching this is a bug worth
      // failing the stage.
      throw new IllegalStateException("cannot render event " + envelope.eventId(), e);
    }
  }
}
