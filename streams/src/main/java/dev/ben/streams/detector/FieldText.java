package dev.ben.streams.detector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.Timestamps;
import dev.ben.contracts.event.ValueKind;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;

/**
 * An event field as detector keys read it: a string's text, any other value's JSON, null when the
 * field is absent. Read from the spine's typed event while its JSON body has not been built ({@code
 * RedactedBody.untouchedEvent}), so that routing and naming a key never build a body that the store
 * (which reads the typed event too) would not need; the text is the one the body's node gives, and
 * a value whose JSON only the body says exactly (a real number, an array) is read from the body.
 */
final class FieldText {

  private FieldText() {}

  /**
   * The field's text, from {@code typed} (the event {@code body} stands for, or null) when it can
   * say it exactly, else from {@code body}.
   */
  static String of(Event typed, ObjectNode body, String field) {
    if (typed != null) {
      int index = typed.schema().indexOf(field);
      if (index >= 0) {
        String text = typed(typed, index, typed.schema().fields().get(index));
        if (text != FROM_BODY) {
          return text;
        }
      }
    }
    return of(body.get(field));
  }

  /** The text of a body's node. */
  static String of(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isTextual() ? value.textValue() : value.toString();
  }

  /** Tells that only the body says a field's text exactly; compared by identity. */
  private static final String FROM_BODY = new String("from the body");

  /**
   * As {@code EventJson} builds the body's node: booleans and timestamps (ISO-8601 text) and an
   * unsigned value past a long's range (decimal text) as their plain values, other whole numbers as
   * numbers, text and addresses as text.
   */
  private static String typed(Event event, int index, SchemaField field) {
    ValueKind kind = event.kind(index);
    if (kind == ValueKind.ABSENT) {
      return null;
    }
    if (field.array()) {
      return FROM_BODY;
    }
    return switch (kind) {
      case TEXT, IP -> event.text(index);
      case INTEGER -> whole(event.longValue(index), field.type());
      default -> FROM_BODY;
    };
  }

  private static String whole(long value, FieldType type) {
    return switch (type) {
      case BOOL -> value != 0 ? "true" : "false";
      case TIMESTAMP -> Timestamps.formatIso(value);
      case U64 -> Long.toUnsignedString(value);
      default -> Long.toString(value);
    };
  }

  /**
   * The first and last instants whose year has four digits, where ISO-8601 text reads back exact.
   */
  private static final long FIRST_FOUR_DIGIT_YEAR = -62_167_219_200_000L;

  private static final long LAST_FOUR_DIGIT_YEAR = 253_402_300_799_999L;

  /** Epoch milliseconds of a typed timestamp field, as its ISO-8601 text in the body reads back. */
  static final long MILLIS_FROM_BODY = Long.MIN_VALUE + 1;

  /**
   * The epoch milliseconds of a timestamp field of {@code typed}, {@link Timestamps#UNKNOWN} when
   * it is absent, or {@link #MILLIS_FROM_BODY} when only the body says it exactly.
   */
  static long millis(Event typed, String field) {
    Schema schema = typed.schema();
    int index = schema.indexOf(field);
    if (index < 0 || schema.fields().get(index).type() != FieldType.TIMESTAMP) {
      return MILLIS_FROM_BODY;
    }
    return switch (typed.kind(index)) {
      case ABSENT -> Timestamps.UNKNOWN;
      case INTEGER -> {
        long millis = typed.longValue(index);
        yield millis >= FIRST_FOUR_DIGIT_YEAR && millis <= LAST_FOUR_DIGIT_YEAR
            ? millis
            : MILLIS_FROM_BODY;
      }
      default -> MILLIS_FROM_BODY;
    };
  }
}
