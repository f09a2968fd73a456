package dev.ben.contracts.event;

import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.util.List;

/**
 * What the fast translators look up per field while they read a line, by the field's index in the
 * schema: its type, whether it holds an array, and whether an event must carry it (a field that is
 * not optional, or part of the key). Computed once per translator, not per line.
 */
final class FieldLayout {

  final FieldType[] types;
  final boolean[] arrays;
  final boolean[] required;

  FieldLayout(Schema schema) {
    List<SchemaField> fields = schema.fields();
    this.types = new FieldType[fields.size()];
    this.arrays = new boolean[fields.size()];
    this.required = new boolean[fields.size()];
    for (int i = 0; i < types.length; i++) {
      SchemaField field = fields.get(i);
      types[i] = field.type();
      arrays[i] = field.array();
      required[i] = !field.optional() || schema.key().contains(field.name());
    }
  }
}
