package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One field of a schema; its position in {@link Schema#fields()} is its index in runtime events.
 */
@JsonPropertyOrder({"name", "type", "optional", "array", "pii"})
public record SchemaField(
    String name, FieldType type, boolean optional, boolean array, boolean pii) {

  public SchemaField {
    Checks.name(name, "field name");
    Checks.present(type, "type of field '" + name + "'");
  }

  public static SchemaField required(String name, FieldType type) {
    return new SchemaField(name, type, false, false, false);
  }

  public static SchemaField optional(String name, FieldType type) {
    return new SchemaField(name, type, true, false, false);
  }

  public SchemaField asPii() {
    return new SchemaField(name, type, optional, array, true);
  }
}
