package dev.ben.streams.store.tables;

import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.ValueKind;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.SchemaField;
import java.util.List;

/**
 * A row's field read straight from the spine's typed event instead of its JSON body: the same value
 * {@link SchemaRows} makes of the body's node, for the common pairs of what the slot holds and the
 * column's type. Any other pair answers {@link #FROM_BODY}, and the row reads the body as ever.
 */
final class TypedFieldValues {

  /** The field's value is to be read from the body. */
  static final Object FROM_BODY = new Object();

  private TypedFieldValues() {}

  static Object value(Event event, int index, SchemaField field) {
    if (field.array()) {
      // An absent array is stored empty, as the body's missing node is.
      return event.kind(index) == ValueKind.ABSENT ? List.of() : FROM_BODY;
    }
    FieldType type = field.type();
    return switch (event.kind(index)) {
      // The body leaves an absent field out: its node is null.
      case ABSENT -> SchemaRows.orZero(field, null);
      case TEXT, IP ->
          switch (type) {
            case STRING, IPV4, IPV6, UUID -> event.text(index);
            default -> FROM_BODY;
          };
      case INTEGER -> whole(event.longValue(index), type);
      case REAL ->
          type == FieldType.F32 || type == FieldType.F64 ? event.realValue(index) : FROM_BODY;
      default -> FROM_BODY;
    };
  }

  /**
   * The body holds a boolean for BOOL, ISO-8601 text for TIMESTAMP (read back to its whole seconds)
   * and a number otherwise, but an unsigned 64-bit value past a long's range as text.
   */
  private static Object whole(long value, FieldType type) {
    return switch (type) {
      case BOOL -> value != 0 ? 1L : 0L;
      case TIMESTAMP -> SchemaRows.seconds(value);
      case F32, F64 -> (double) value;
      case I8, I16, I32, I64, U8, U16, U32 -> value;
      case U64 -> value >= 0 ? (Object) value : FROM_BODY;
      default -> FROM_BODY;
    };
  }
}
