package dev.ben.streams.store.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import dev.ben.streams.flow.Envelope;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each field type becomes the value its column reads; what a column cannot hold is never stored in
 * its place.
 */
class SchemaRowsTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Object column(SchemaField field, JsonNode value) {
    return SchemaRows.value(field, value);
  }

  @Test
  void timestampsBecomeWholeSecondsAndBooleansZeroOrOne() {
    SchemaField ts = SchemaField.required("ts", FieldType.TIMESTAMP);
    assertEquals(
        Instant.parse("2024-05-01T10:00:05Z"),
        column(ts, NODES.textNode("2024-05-01T10:00:05.250Z")));
    assertEquals(Instant.ofEpochSecond(1), column(ts, NODES.numberNode(1_999L)));
    assertEquals(Instant.ofEpochSecond(-1), column(ts, NODES.numberNode(-1L)));
    SchemaField flag = SchemaField.required("admin", FieldType.BOOL);
    assertEquals(1L, column(flag, NODES.booleanNode(true)));
    assertEquals(0L, column(flag, NODES.booleanNode(false)));
    assertEquals(1L, column(flag, NODES.numberNode(7)));
  }

  @Test
  void missingValuesAreNullWhenNullableAndTheTypesZeroOtherwise() {
    assertNull(column(SchemaField.optional("country", FieldType.STRING), null));
    assertEquals("", column(SchemaField.required("tenant", FieldType.STRING), null));
    assertEquals(0L, column(SchemaField.required("attempts", FieldType.U32), NODES.nullNode()));
    assertEquals(0.0, column(SchemaField.required("score", FieldType.F64), null));
    assertEquals(Instant.EPOCH, column(SchemaField.required("ts", FieldType.TIMESTAMP), null));
  }

  @Test
  void aRedactedNumberThatIsNoLongerANumberIsNotStoredAsOne() {
    assertNull(column(SchemaField.optional("pin", FieldType.U32).asPii(), NODES.textNode("****")));
    assertEquals(42L, column(SchemaField.required("n", FieldType.U64), NODES.textNode("42")));
    assertEquals(
        new BigInteger("18446744073709551615"),
        column(SchemaField.required("n", FieldType.U64), NODES.textNode("18446744073709551615")));
    assertEquals(
        new BigInteger("18446744073709551615"),
        column(
            SchemaField.required("n", FieldType.U64),
            NODES.numberNode(new BigInteger("18446744073709551615"))));
    assertEquals(
        Double.NaN,
        (Double) column(SchemaField.optional("f", FieldType.F64), NODES.textNode("NaN")));
    assertNull(column(SchemaField.optional("f", FieldType.F64), NODES.textNode("high")));
  }

  @Test
  void arraysConvertEachItemAndIpsAndUuidsStayText() {
    SchemaField tags = new SchemaField("flags", FieldType.BOOL, false, true, false);
    assertEquals(List.of(1L, 0L), column(tags, NODES.arrayNode().add(true).add(false)));
    assertEquals(List.of(), column(tags, null));
    SchemaField maybe = new SchemaField("n", FieldType.I64, true, true, false);
    assertEquals(Arrays.asList(3L, null), column(maybe, NODES.arrayNode().add(3).addNull()));
    assertEquals(
        "10.1.2.0", column(SchemaField.required("ip", FieldType.IPV4), NODES.textNode("10.1.2.0")));
    assertEquals(
        "{\"a\":1}",
        column(SchemaField.required("s", FieldType.STRING), NODES.objectNode().put("a", 1)));
  }

  @Test
  void theDecisionColumnsComeFromTheEvaluationAndTheJsonOnesAreCompactText() throws Exception {
    Map<String, Double> detectors = new LinkedHashMap<>();
    detectors.put("rate.ewma", 2.5);
    detectors.put("rate.cusum", null);
    var result =
        new EvaluationResult(
            "login",
            List.of("hot"),
            List.of("flag_hot"),
            null,
            Map.of("level", "HOT"),
            Map.of(),
            detectors,
            null,
            Double.NaN,
            null);
    Schema schema =
        new Schema(
            "login",
            1,
            "logins",
            List.of("user"),
            List.of("user"),
            List.of(SchemaField.required("user", FieldType.STRING)),
            "",
            "");
    Envelope envelope =
        new Envelope("e1", "auth", "shop", 1_999, NODES.objectNode().put("user", "bob"))
            .evaluated(NODES.objectNode().put("user", "b**"), new Envelope.Evaluation(4, result));
    Object[] row = new SchemaRows(JSON).values(envelope, schema);
    assertEquals(SchemaRows.columns(schema).size(), row.length);
    assertEquals("user", SchemaRows.columns(schema).get(row.length - 1));
    assertEquals(
        Arrays.asList(
            "e1",
            Instant.ofEpochSecond(1),
            "shop",
            4L,
            List.of("hot"),
            List.of("flag_hot"),
            "pass",
            "{\"level\":\"HOT\"}",
            "{\"rate.ewma\":2.5,\"rate.cusum\":null}",
            "[]",
            Double.NaN,
            "b**"),
        Arrays.asList(row));
  }
}
