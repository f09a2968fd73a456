package dev.ben.contracts.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.model.FieldType;
import java.util.List;

/**
 * An event as a JSON tree built field by field from its typed values, in schema order with absent
 * fields left out: the same tree, node for node, as Jackson makes of {@link Event#toPlainMap()},
 * without the map and the token buffer in between (the spine builds every body this way).
 */
public final class EventJson {

  private EventJson() {}

  public static ObjectNode tree(Event event, JsonNodeFactory nodes) {
    ObjectNode tree = nodes.objectNode();
    for (int i = 0; i < event.size(); i++) {
      if (event.isPresent(i)) {
        tree.set(event.schema().fields().get(i).name(), value(event, i, nodes));
      }
    }
    return tree;
  }

  private static JsonNode value(Event event, int field, JsonNodeFactory nodes) {
    return switch (event.kind(field)) {
      case INTEGER -> whole(event, field, nodes);
      case REAL -> nodes.numberNode(event.realValue(field));
      case TEXT, IP -> nodes.textNode(event.text(field));
      default -> plain(event.plainValue(field), nodes);
    };
  }

  private static JsonNode whole(Event event, int field, JsonNodeFactory nodes) {
    long value = event.longValue(field);
    FieldType type = event.schema().fields().get(field).type();
    return type == FieldType.BOOL
            || type == FieldType.TIMESTAMP
            || (type == FieldType.U64 && value < 0)
        ? plain(event.plainValue(field), nodes)
        : nodes.numberNode(value);
  }

  private static JsonNode plain(Object value, JsonNodeFactory nodes) {
    if (value instanceof String text) {
      return nodes.textNode(text);
    }
    if (value instanceof Long whole) {
      return nodes.numberNode(whole.longValue());
    }
    if (value instanceof Double real) {
      return nodes.numberNode(real.doubleValue());
    }
    if (value instanceof Boolean bool) {
      return nodes.booleanNode(bool);
    }
    if (value instanceof List<?> items) {
      ArrayNode array = nodes.arrayNode(items.size());
      for (Object item : items) {
        array.add(plain(item, nodes));
      }
      return array;
    }
    throw new IllegalStateException("no JSON form for a " + value.getClass().getName());
  }
}
