package dev.ben.streams.spine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.EventJson;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
    return body instanceof RedactedBody redacted ? ((Fields) redacted._children).untouched() : null;
  }

  /** The fields, built on first use; every map operation goes to the built ones. */
  private static final class Fields extends AbstractMap<String, JsonNode> {

    private final Event event;
    private final JsonNodeFactory nodes;
    private volatile Map<String, JsonNode> built;

    Fields(Event event, JsonNodeFactory nodes) {
      this.event = event;
      this.nodes = nodes;
    }

    Event untouched() {
      return built == null ? event : null;
    }

    private Map<String, JsonNode> built() {
      Map<String, JsonNode> fields = built;
      if (fields == null) {
        synchronized (this) {
          fields = built;
          if (fields == null) {
            fields = new LinkedHashMap<>();
            for (var field : EventJson.tree(event, nodes).properties()) {
              fields.put(field.getKey(), field.getValue());
            }
            built = fields;
          }
        }
      }
      return fields;
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
      return built().entrySet();
    }

    @Override
    public JsonNode get(Object key) {
      return built().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return built().containsKey(key);
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
      return built().put(key, value);
    }

    @Override
    public JsonNode remove(Object key) {
      return built().remove(key);
    }

    @Override
    public int size() {
      return built().size();
    }

    @Override
    public Set<String> keySet() {
      return built().keySet();
    }

    @Override
    public Collection<JsonNode> values() {
      return built().values();
    }

    @Override
    public void clear() {
      built().clear();
    }
  }
}
