package dev.ben.streams.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.EventJson;
import dev.ben.contracts.event.Timestamps;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import dev.ben.streams.spine.RedactedBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A key read from the spine's typed event is the key read from its JSON body, field for field. */
class FieldTextTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
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
    1_714_557_600_000L,
    -62_135_596_800_001L,
    253_402_300_800_000L
  };
  private static final double[] REAL = {0.0, -0.0, 2.5, -1e300, Double.NaN, 1.0 / 0};
  private static final String[] TEXT = {"", "bob", "42", "e\nve", "2024-05-01T10:00:00Z"};

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

  @Test
  void everyKindOfValueOfEveryTypeGivesTheBodysText() {
    Schema schema = schema();
    Random random = new Random(5);
    for (int n = 0; n < 3_000; n++) {
      Event event = new Event(schema);
      for (int field = 0; field < schema.fields().size(); field++) {
        fill(event, field, random);
      }
      ObjectNode tree = EventJson.tree(event, NODES);
      for (SchemaField field : schema.fields()) {
        assertEquals(
            FieldText.of(tree.get(field.name())),
            FieldText.of(event, RedactedBody.of(event, NODES), field.name()),
            field.name() + " of " + event);
      }
    }
  }

  @Test
  void aTypedTimestampIsTheMillisItsTextReadsBackTo() {
    Schema schema = schema();
    Event event = new Event(schema);
    String field = "o_TIMESTAMP";
    int index = schema.indexOf(field);
    assertEquals(Timestamps.UNKNOWN, FieldText.millis(event, field), "absent");
    for (long millis : WHOLE) {
      event.setLong(index, millis);
      long typed = FieldText.millis(event, field);
      JsonNode text = EventJson.tree(event, NODES).get(field);
      if (typed != FieldText.MILLIS_FROM_BODY) {
        assertEquals(Timestamps.parseIsoMillis(text.textValue()), typed, text.textValue());
      }
    }
    event.setLong(index, 1_714_557_600_250L);
    assertEquals(1_714_557_600_250L, FieldText.millis(event, field));
    assertEquals(FieldText.MILLIS_FROM_BODY, FieldText.millis(event, "r_STRING"), "not a time");
  }

  @Test
  void routingAndNamingAKeyLeaveTheBodyUnbuilt() {
    Schema schema = schema();
    Event event = new Event(schema);
    event.setText(schema.indexOf("r_STRING"), "bob");
    event.setLong(schema.indexOf("r_U32"), 7);
    event.setLong(schema.indexOf("r_TIMESTAMP"), 1_714_557_600_250L);
    ObjectNode body = RedactedBody.of(event, NODES);
    ObjectNode tree = EventJson.tree(event, NODES);
    List<String> key = List.of("r_STRING", "r_U32", "r_TIMESTAMP");

    assertEquals(ShardRouter.shardOf(tree, key, 16), ShardRouter.shardOf(event, body, key, 16));
    assertEquals(SubjectKey.of(tree, key), SubjectKey.of(event, body, key));
    assertEquals("bob/7/2024-05-01T10:00:00.250Z", SubjectKey.of(event, body, key));
    assertNotNull(RedactedBody.untouchedEvent(body), "the key was read from the typed event");
    assertNull(SubjectKey.of(event, body, List.of("o_STRING")), "an absent field has no key");
  }
}
