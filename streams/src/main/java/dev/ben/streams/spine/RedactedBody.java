package dev.ben.streams.spine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.EventJson;
import dev.ben.contracts.event.LazyFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body the spine hands on: the redacted event as a JSON object whose fields are built from the
 * typed event the first time anyone reads them, as {@link EventJson#tree} builds them. In a node,
 * the detector and store stages read the typed event instead ({@link #untouchedEvent}), so the tree
 * is built only for what needs JSON (a shard on another member, the scrub queue, a spill to disk,
 * the live view). Safe to read from any thread; building happens once.
 */
// Jackson's ObjectNode narrows JsonNode's generic deepCopy(); any subclass inherits the warning.
@SuppressWarnings("unchecked")
public final class RedactedBody extends ObjectNode {

  private static final long serialVersionUID = 1L;

  private RedactedBody(JsonNodeFactory nodes, Fields fields) {
    super(nodes, fields);
  }

  public static ObjectNode of(Event event, JsonNodeFactory nodes) {
    return new RedactedBody(nodes, new Fields(event, nodes));
  }

  /**
   * The typed event a body of the spine stands for, while its JSON has not been built (so nothing
   * can have changed it); null for any other body.
   */
  public static Event untouchedEvent(ObjectNode body) {
    return body instanceof RedactedBody redacted
        ? ((Fields) redacted._children).untouchedEvent()
        : null;
  }

  /** The fields, built from the typed event on first use. */
  private static final class Fields extends LazyFields<JsonNode> {

    private final Event event;
    private final JsonNodeFactory nodes;

    Fields(Event event, JsonNodeFactory nodes) {
      this.event = event;
      this.nodes = nodes;
    }

    Event untouchedEvent() {
      return untouched() ? event : null;
    }

    @Override
    protected Map<String, JsonNode> build() {
      Map<String, JsonNode> fields = new LinkedHashMap<>();
      for (var field : EventJson.tree(event, nodes).properties()) {
        fields.put(field.getKey(), field.getValue());
      }
      return fields;
    }
  }
}
