package dev.ben.streams.store.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.SchemaField;
import org.junit.jupiter.api.Test;

/**
 * Each field type becomes the value its column reads; what a column cannot hold is never stored in
 * its place.
 */
class SchemaRowsTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static JsonNode column(SchemaField field, JsonNode value) {
    return SchemaRows.column(field, value);
  }

  @Test
  void timestampsBecomeDateTimeTextInUtcAndBooleansZeroOrOne() {
    SchemaField ts = SchemaField.required("ts", FieldType.TIMESTAMP);
    assertEquals(
        "2024-05-01 10:00:05", column(ts, NODES.textNode("2024-05-01T10:00:05.250Z")).asText());
    assertEquals("1970-01-01 00:00:01", column(ts, NODES.numberNode(1_999L)).asText());
    SchemaField flag = SchemaField.required("admin", FieldType.BOOL);
    assertEquals(1, column(flag, NODES.booleanNode(true)).asInt());
    assertEquals(0, column(flag, NODES.booleanNode(false)).asInt());
  }

  @Test
  void missingValuesAreNullWhenNullableAndTheTypesZeroOtherwise() {
    assertTrue(column(SchemaField.optional("country", FieldType.STRING), null).isNull());
    assertEquals("", column(SchemaField.required("tenant", FieldType.STRING), null).asText());
    assertEquals(
        0, column(SchemaField.required("attempts", FieldType.U32), NODES.nullNode()).asInt());
    assertEquals(
        "1970-01-01 00:00:00",
        column(SchemaField.required("ts", FieldType.TIMESTAMP), null).asText());
  }

  @Test
  void aRedactedNumberThatIsNoLongerANumberIsNotStoredAsOne() {
    assertTrue(
        column(SchemaField.optional("pin", FieldType.U32).asPii(), NODES.textNode("****"))
            .isNull());
    assertEquals(
        42, column(SchemaField.required("n", FieldType.U64), NODES.textNode("42")).asInt());
    assertEquals(
        "18446744073709551615",
        column(SchemaField.required("n", FieldType.U64), NODES.textNode("18446744073709551615"))
            .asText());
  }

  @Test
  void arraysConvertEachItemAndIpsAndUuidsStayText() {
    SchemaField tags = new SchemaField("flags", FieldType.BOOL, false, true, false);
    assertEquals("[1,0]", column(tags, NODES.arrayNode().add(true).add(false)).toString());
    assertEquals("[]", column(tags, null).toString());
    assertEquals(
        "10.1.2.0",
        column(SchemaField.required("ip", FieldType.IPV4), NODES.textNode("10.1.2.0")).asText());
  }
}
