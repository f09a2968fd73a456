package dev.ben.streams.store.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.EventJson;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.spine.RedactedBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A row read from the spine's typed event is the row read from the JSON body, value for value. */
class TypedFieldValuesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long[] WHOLE = {
    0,
    1,
    -1,
    7,
    255,
    65_536,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    1_714_557_600_250L,
    -62_135_596_800_001L
  };
  private static final double[] REAL = {0.0, -0.0, 2.5, -1e300, Double.NaN, 1.0 / 0};
  private static final String[] TEXT = {
    "", "bob", "42", "-3", "2.5", "****1234", "2024-05-01T10:00:00Z"
  };

  private static Schema schema() {
    List<SchemaField> fields = new ArrayList<>();
    for (FieldType type : FieldType.values()) {
      fields.add(SchemaField.required("r_" + type, type));
      fields.add(SchemaField.optional("o_" + type, type));
    }
    fields.add(new SchemaField("tags", FieldType.I64, true, true, false));
    return new Schema(
        "all", 1, "alls", List.of("r_STRING"), List.of("r_STRING"), List.copyOf(fields), "", "");
  }

  private static void fill(Event event, int field, Random random) {
    switch (random.nextInt(6)) {
      case 0 -> event.clear(field);
      case 1 -> event.setLong(field, WHOLE[random.nextInt(WHOLE.length)]);
      case 2 -> event.setReal(field, REAL[random.nextInt(REAL.length)]);
      case 3 -> event.setText(field, TEXT[random.nextInt(TEXT.length)]);
      case 4 -> event.setIp(field, 0, 0x0A010200L, "10.1.2.0");
      default -> event.setArray(field, List.of(3L, 4L));
    }
  }

  private static Object[] row(Schema schema, ObjectNode body) throws Exception {
    var result =
        new EvaluationResult(
            "all", List.of(), List.of(), null, Map.of(), Map.of(), null, null, null, null);
    Envelope envelope =
        new Envelope("e", "p", "a", 1_000, NODES.objectNode())
            .evaluated(body, new Envelope.Evaluation(1, result));
    return new SchemaRows(JSON).values(envelope, schema);
  }

  @Test
  void everyKindOfValueInEveryColumnTypeGivesTheBodysValue() throws Exception {
    Schema schema = schema();
    Random random = new Random(3);
    for (int n = 0; n < 3_000; n++) {
      Event event = new Event(schema);
      for (int field = 0; field < schema.fields().size(); field++) {
        fill(event, field, random);
      }
      assertEquals(
          Arrays.asList(row(schema, EventJson.tree(event, NODES))),
          Arrays.asList(row(schema, RedactedBody.of(event, NODES))),
          event.toString());
    }
  }

  @Test
  void theCommonValuesLeaveTheBodyUnbuilt() throws Exception {
    Schema schema = schema();
    Event event = new Event(schema);
    event.setLong(schema.indexOf("r_TIMESTAMP"), 1_714_557_600_250L);
    event.setText(schema.indexOf("r_STRING"), "bob");
    event.setIp(schema.indexOf("r_IPV4"), 0, 0x0A010200L, "10.1.2.0");
    event.setLong(schema.indexOf("r_U32"), 7);
    event.setReal(schema.indexOf("o_F64"), 2.5);
    ObjectNode body = RedactedBody.of(event, NODES);
    Object[] typed = row(schema, body);
    assertNotNull(RedactedBody.untouchedEvent(body), "the row was read from the typed event");
    assertEquals(Arrays.asList(row(schema, EventJson.tree(event, NODES))), Arrays.asList(typed));
  }
}
