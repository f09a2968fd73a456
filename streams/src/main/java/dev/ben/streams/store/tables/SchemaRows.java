package dev.ben.streams.store.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.RedactedBody;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an evaluated envelope into a row of its schema's table, as values in column order ({@link
 * dev.ben.streams.store.TypedRows}): the decision columns from the evaluation, then each field from
 * the redacted body converted to its column type (read from the spine's typed event while the body
 * is untouched: {@link TypedFieldValues}). A value the column cannot hold (a redaction turned a
 * number into text) becomes null, or the type's zero when the column is not nullable: a row is
 * never refused here, and a redacted value is never replaced by the clear one.
 */
final class SchemaRows {

  /** The columns every schema table starts with, before the schema's fields. */
  static final List<String> DECISION_COLUMNS = DecisionColumns.LEADING;

  private static final int FIRST_FIELD = DECISION_COLUMNS.size();

  private final ObjectWriter json;
  private final MapColumnText maps;

  /** The JSON columns are written as compact text whatever the mapper is set to print. */
  SchemaRows(ObjectMapper mapper) {
    this.json = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
    this.maps = new MapColumnText(json);
  }

  static List<String> columns(Schema schema) {
    List<String> columns = new ArrayList<>(FIRST_FIELD + schema.fields().size());
    columns.addAll(DECISION_COLUMNS);
    schema.fields().forEach(field -> columns.add(field.name()));
    return List.copyOf(columns);
  }

  Object[] values(Envelope envelope, Schema schema) throws IOException {
    EvaluationResult result = envelope.evaluation().result();
    List<SchemaField> fields = schema.fields();
    Object[] row = new Object[FIRST_FIELD + fields.size()];
    row[0] = envelope.eventId();
    row[1] = seconds(envelope.receivedAtMillis());
    row[2] = envelope.app();
    row[3] = envelope.evaluation().contractVersion();
    row[4] = result.bits() == null ? List.of() : result.bits();
    row[5] = result.rules() == null ? List.of() : result.rules();
    row[6] = result.action() == null ? "pass" : result.action();
    row[7] = jsonObject(result.facts());
    row[8] = jsonObject(result.detectors());
    row[9] =
        result.playbooks() == null || result.playbooks().isEmpty()
            ? "[]"
            : json.writeValueAsString(result.playbooks());
    row[10] = result.score();
    // The spine's typed event, when it is what the body stands for and of this very schema.
    Event typed = RedactedBody.untouchedEvent(envelope.body());
    if (typed != null && typed.schema() != schema) {
      typed = null;
    }
    for (int i = 0; i < fields.size(); i++) {
      SchemaField field = fields.get(i);
      Object value =
          typed == null ? TypedFieldValues.FROM_BODY : TypedFieldValues.value(typed, i, field);
      row[FIRST_FIELD + i] =
          value != TypedFieldValues.FROM_BODY
              ? value
              : value(field, envelope.body().get(field.name()));
    }
    return row;
  }

  /** Most events have no facts or detector values: no serialiser for those. */
  private String jsonObject(Map<String, ?> values) throws IOException {
    return values == null || values.isEmpty() ? "{}" : maps.of(values);
  }

  /** A DateTime holds whole seconds. */
  static Instant seconds(long epochMillis) {
    return Instant.ofEpochSecond(Math.floorDiv(epochMillis, 1000L));
  }

  static Object value(SchemaField field, JsonNode value) {
    if (field.array()) {
      if (value == null || !value.isArray()) {
        return List.of();
      }
      List<Object> items = new ArrayList<>(value.size());
      value.forEach(item -> items.add(orZero(field, scalar(field.type(), item))));
      return items;
    }
    return orZero(field, scalar(field.type(), value));
  }

  /** The value in the column type's form, or null when it has none. */
  static Object scalar(FieldType type, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return switch (type) {
      case BOOL ->
          value.isBoolean()
              ? (Object) (value.booleanValue() ? 1L : 0L)
              : value.isIntegralNumber() ? (Object) (value.asLong() != 0 ? 1L : 0L) : null;
      case TIMESTAMP -> timestamp(value);
      case F32, F64 -> value.isNumber() ? (Object) value.doubleValue() : number(value, false);
      case STRING, IPV4, IPV6, UUID -> value.isTextual() ? value.textValue() : value.toString();
      default -> value.isIntegralNumber() ? integral(value) : number(value, true);
    };
  }

  private static Object number(JsonNode value, boolean integral) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return integral
          ? integer(new BigInteger(value.textValue()))
          : (Object) Double.parseDouble(value.textValue());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Object integral(JsonNode value) {
    return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
  }

  /** A long when it fits; the digits of a UInt64 beyond a long stay a BigInteger. */
  private static Object integer(BigInteger value) {
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  /**
   * Events carry timestamps as ISO-8601 text (or epoch milliseconds); DateTime is whole seconds in
   * UTC.
   */
  private static Instant timestamp(JsonNode value) {
    try {
      return value.isIntegralNumber()
          ? seconds(value.asLong())
          : Instant.ofEpochSecond(IsoTimestamps.epochSeconds(value.asText()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Object orZero(SchemaField field, Object value) {
    if (value != null || field.optional()) {
      return value;
    }
    return switch (field.type()) {
      case STRING, IPV4, IPV6, UUID -> "";
      case TIMESTAMP -> Instant.EPOCH;
      case F32, F64 -> 0.0;
      default -> 0L;
    };
  }
}
