package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeSet;

/**
 * An event type a project declares: its name (the event log names it {@code <pipeline>.<name>}, see
 * {@link EventTypeNames}) and the JSON Schema (draft 2020-12) the data of its events must satisfy,
 * checked by the compiler.
 */
@JsonPropertyOrder({"name", "schema", "fingerprint"})
public record EventType(String name, JsonNode schema, String fingerprint)
    implements Fingerprinted<EventType> {

  public EventType {
    Checks.name(name, "event type name");
    schema = sorted(Checks.present(schema, "event type schema"));
    fingerprint = Checks.fingerprint(fingerprint);
  }

  @Override
  public JsonNode schema() {
    return schema.deepCopy();
  }

  @Override
  public EventType withFingerprint(String value) {
    return new EventType(name, schema, value);
  }

  /**
   * A copy with every object's keys in order: the fingerprint is taken over the JSON, and a bundle
   * gives the schema back in its canonical (sorted) order, whatever order the author wrote.
   */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      TreeSet<String> fields = new TreeSet<>();
      node.fieldNames().forEachRemaining(fields::add);
      fields.forEach(field -> out.set(field, sorted(node.get(field))));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node.deepCopy();
  }
}
