package dev.ben.streams.store.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.event.Timestamps;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.math.BigInteger;

/**
 * A stored row turned back into the JSON its schema's translator reads: timestamps as ISO-8601 text
 * (scalars from the whole seconds {@link ReplaySql} selects; array elements from the stores' {@code
 * yyyy-MM-dd HH:mm:ss} text, read as UTC), booleans from their 0/1 columns, 64-bit integers the
 * store quoted as numbers again, and null columns left out. Redacted values stay as stored: the
 * backtest flags what reads them rather than pretending they are clear.
 */
final class StoredRowJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StoredRowJson() {}

  static ObjectNode body(Schema schema, JsonNode row) {
    ObjectNode body = NODES.objectNode();
    for (SchemaField field : schema.fields()) {
      JsonNode value =
          field.type() == FieldType.TIMESTAMP && !field.array()
              ? seconds(row.get(ReplaySql.SECONDS_PREFIX + field.name()))
              : row.get(field.name());
      if (value == null || value.isNull()) {
        continue;
      }
      if (field.array() && value.isArray()) {
        ArrayNode elements = NODES.arrayNode();
        value.forEach(element -> elements.add(scalar(field.type(), element)));
        body.set(field.name(), elements);
      } else if (field.type() != FieldType.TIMESTAMP || field.array()) {
        body.set(field.name(), scalar(field.type(), value));
      } else {
        body.set(field.name(), value);
      }
    }
    return body;
  }

  private static JsonNode seconds(JsonNode epoch) {
    return epoch == null || epoch.isNull()
        ? null
        : NODES.textNode(Timestamps.formatIso(epoch.asLong() * 1000));
  }

  private static JsonNode scalar(FieldType type, JsonNode value) {
    if (value.isNull()) {
      return value;
    }
    return switch (type) {
      case BOOL -> value.isBoolean() ? value : NODES.booleanNode(value.asLong() != 0);
      case I64, U64 ->
          value.isTextual() && value.asText().matches("-?\\d+")
              ? NODES.numberNode(new BigInteger(value.asText()))
              : value;
      case TIMESTAMP ->
          value.isTextual() && value.asText().length() == 19
              ? NODES.textNode(value.asText().replace(' ', 'T') + "Z")
              : value;
      default -> value;
    };
  }
}
