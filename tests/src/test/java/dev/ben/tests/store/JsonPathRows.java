package dev.ben.tests.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import dev.ben.streams.flow.Envelope;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The rows the store stage wrote before it had typed rows: a Jackson tree per envelope, sent as
 * JSONEachRow. Kept here, as it was, as the reference the typed path must store the same values as.
 */
final class JsonPathRows {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonPathRows() {}

  /** A {@code ben_events} row. */
  static String rawEvent(Envelope e, ObjectMapper mapper) throws Exception {
    ObjectNode row =
        mapper
            .createObjectNode()
            .put("event_id", e.eventId())
            .put("pipeline", e.pipeline())
            .put("app", e.app())
            .put("received_at", DATE_TIME.format(Instant.ofEpochMilli(e.receivedAtMillis())))
            .put("body", mapper.writeValueAsString(e.body()))
            .put("contract_version", e.evaluation() == null ? 0 : e.evaluation().contractVersion())
            .put(
                "decision",
                e.evaluation() == null ? "" : e.evaluation().decisionsJson(mapper).toString());
    return mapper.writeValueAsString(row);
  }

  /** A row of the schema's table. */
  static String schemaRow(Envelope envelope, Schema schema, ObjectMapper mapper) {
    EvaluationResult result = envelope.evaluation().result();
    ObjectNode row =
        mapper
            .createObjectNode()
            .put("event_id", envelope.eventId())
            .put("ingested_at", DATE_TIME.format(Instant.ofEpochMilli(envelope.receivedAtMillis())))
            .put("app", envelope.app())
            .put("contract_version", envelope.evaluation().contractVersion());
    row.set("bits", texts(result.bits()));
    row.set("rules", texts(result.rules()));
    row.put("action", result.action() == null ? "pass" : result.action());
    row.put(
        "facts", mapper.valueToTree(result.facts() == null ? Map.of() : result.facts()).toString());
    row.put(
        "detector_values",
        mapper.valueToTree(result.detectors() == null ? Map.of() : result.detectors()).toString());
    row.put(
        "playbook_outcomes",
        mapper.valueToTree(result.playbooks() == null ? List.of() : result.playbooks()).toString());
    row.put("anomaly_score", result.score());
    for (SchemaField field : schema.fields()) {
      row.set(field.name(), column(field, envelope.body().get(field.name())));
    }
    return row.toString();
  }

  private static JsonNode column(SchemaField field, JsonNode value) {
    if (field.array()) {
      ArrayNode items = NODES.arrayNode();
      if (value != null && value.isArray()) {
        value.forEach(
            item -> items.add(orZero(field.type(), field.optional(), scalar(field.type(), item))));
      }
      return items;
    }
    return orZero(field.type(), field.optional(), scalar(field.type(), value));
  }

  private static JsonNode scalar(FieldType type, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return switch (type) {
      case BOOL ->
          value.isBoolean()
              ? NODES.numberNode(value.booleanValue() ? 1 : 0)
              : value.isIntegralNumber() ? NODES.numberNode(value.asLong() != 0 ? 1 : 0) : null;
      case TIMESTAMP -> timestamp(value);
      case F32, F64 ->
          value.isNumber() ? NODES.numberNode(value.doubleValue()) : number(value, false);
      case STRING, IPV4, IPV6, UUID ->
          NODES.textNode(value.isTextual() ? value.textValue() : value.toString());
      default -> value.isIntegralNumber() ? value : number(value, true);
    };
  }

  private static JsonNode number(JsonNode value, boolean integral) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return integral
          ? NODES.numberNode(new BigInteger(value.textValue()))
          : NODES.numberNode(Double.parseDouble(value.textValue()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonNode timestamp(JsonNode value) {
    try {
      Instant at =
          value.isIntegralNumber()
              ? Instant.ofEpochMilli(value.asLong())
              : Instant.parse(value.asText());
      return NODES.textNode(DATE_TIME.format(at));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static JsonNode orZero(FieldType type, boolean nullable, JsonNode value) {
    if (value != null || nullable) {
      return value == null ? NODES.nullNode() : value;
    }
    return switch (type) {
      case STRING, IPV4, IPV6, UUID -> NODES.textNode("");
      case TIMESTAMP -> NODES.textNode(DATE_TIME.format(Instant.EPOCH));
      default -> NODES.numberNode(0);
    };
  }

  private static ArrayNode texts(List<String> values) {
    ArrayNode array = NODES.arrayNode();
    if (values != null) {
      values.forEach(array::add);
    }
    return array;
  }
}
