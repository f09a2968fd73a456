package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

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
    schema = Checks.present(schema, "event type schema").deepCopy();
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
}
