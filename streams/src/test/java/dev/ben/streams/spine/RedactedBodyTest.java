package dev.ben.streams.spine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.event.EventJson;
import dev.ben.contracts.model.FieldType;
import dev.ben.contracts.model.Schema;
import dev.ben.contracts.model.SchemaField;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spine's body reads, prints and compares as the tree built from the typed event. */
class RedactedBodyTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static Event event() {
    Schema schema =
        new Schema(
            "login",
            1,
            "logins",
            List.of("user"),
            List.of("user"),
            List.of(
                SchemaField.required("user", FieldType.STRING),
                SchemaField.required("attempts", FieldType.U32),
                SchemaField.optional("country", FieldType.STRING),
                SchemaField.required("ts", FieldType.TIMESTAMP)),
            "",
            "");
    Event event = new Event(schema);
    event.setText(0, "bob");
    event.setLong(1, 7);
    event.setLong(3, 1_714_557_600_250L);
    return event;
  }

  @Test
  void readsAndPrintsAsTheTreeOfItsEvent() throws Exception {
    Event event = event();
    ObjectNode tree = EventJson.tree(event, NODES);
    ObjectNode body = RedactedBody.of(event, NODES);
    assertSame(event, RedactedBody.untouchedEvent(body));
    ObjectMapper json = new ObjectMapper();
    assertEquals(json.writeValueAsString(tree), json.writeValueAsString(body));
    assertNull(RedactedBody.untouchedEvent(body), "printing it built its fields");
    assertEquals(tree, body);
    assertEquals(body, tree);
    assertEquals(tree.hashCode(), body.hashCode());
    assertEquals(
        json.readTree(json.writeValueAsBytes(tree)), json.readTree(json.writeValueAsBytes(body)));
  }

  @Test
  void aFieldReadOrChangedIsTheBuiltOne() {
    ObjectNode body = RedactedBody.of(event(), NODES);
    assertEquals(7, body.get("attempts").intValue());
    assertNull(body.get("country"));
    assertEquals(3, body.size());
    body.put("country", "KP");
    assertEquals("KP", body.get("country").textValue());
    assertNull(RedactedBody.untouchedEvent(body));
    assertNull(RedactedBody.untouchedEvent(NODES.objectNode()));
  }
}
