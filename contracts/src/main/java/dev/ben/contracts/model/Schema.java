package dev.ben.contracts.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.HashSet;
import java.util.List;

/**
 * A compiled schema: typed ordered fields, storage layout and the DDL the data migrator applies.
 */
@JsonPropertyOrder({"name", "version", "table", "key", "orderBy", "fields", "ddl", "fingerprint"})
public record Schema(
    String name,
    int version,
    String table,
    List<String> key,
    List<String> orderBy,
    List<SchemaField> fields,
    String ddl,
    String fingerprint)
    implements Fingerprinted<Schema> {

  public Schema {
    Checks.name(name, "schema name");
    Checks.name(table, "table of schema '" + name + "'");
    key = Checks.list(key);
    orderBy = Checks.list(orderBy);
    fields = Checks.list(fields);
    ddl = ddl == null ? "" : ddl;
    fingerprint = Checks.fingerprint(fingerprint);
    var seen = new HashSet<String>();
    for (SchemaField field : fields) {
      if (!seen.add(field.name())) {
        throw new IllegalArgumentException(
            "schema '" + name + "' declares field '" + field.name() + "' twice");
      }
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("schema '" + name + "' needs at least one key field");
    }
    for (String k : key) {
      requireField(name, seen, k, "key");
    }
    for (String o : orderBy) {
      requireField(name, seen, o, "order_by");
    }
  }

  private static void requireField(
      String schema, java.util.Set<String> known, String field, String where) {
    if (!known.contains(field)) {
      throw new IllegalArgumentException(
          "schema '" + schema + "' names unknown field '" + field + "' in " + where);
    }
  }

  /** Position of the field in runtime events, or -1 when the schema has no such field. */
  public int indexOf(String fieldName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        return i;
      }
    }
    return -1;
  }

  public SchemaField field(String fieldName) {
    int index = indexOf(fieldName);
    if (index < 0) {
      throw new IllegalArgumentException("schema '" + name + "' has no field '" + fieldName + "'");
    }
    return fields.get(index);
  }

  @Override
  public Schema withFingerprint(String value) {
    return new Schema(name, version, table, key, orderBy, fields, ddl, value);
  }
}
