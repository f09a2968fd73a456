package dev.ben.streams.store.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.contracts.engine.EvaluationResult;
import dev.ben.streams.flow.Envelope;
import dev.ben.streams.store.TypedRows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawEventTableTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, Object> row(Envelope envelope) throws Exception {
    TypedRows rows = RawEventTable.rows(List.of(envelope), JSON);
    Map<String, Object> row = new HashMap<>();
    for (int i = 0; i < rows.columns().size(); i++) {
      row.put(rows.columns().get(i), rows.rows().get(0)[i]);
    }
    return row;
  }

  @Test
  void aPassThroughEventIsStoredAsSentWithNoVersionOrDecision() throws Exception {
    Map<String, Object> row =
        row(
            new Envelope(
                "e1", "demo", "shop", 0, JsonNodeFactory.instance.objectNode().put("a", 1)));
    assertEquals("{\"a\":1}", row.get("body"));
    assertEquals(0L, row.get("contract_version"));
    assertEquals("", row.get("decision"));
    assertEquals(Instant.EPOCH, row.get("received_at"));
    assertEquals("demo", row.get("pipeline"));
  }

  @Test
  void anEvaluatedEventCarriesItsVersionAndDecisionsWithoutRepeatingTheRedactedBody()
      throws Exception {
    var result =
        new EvaluationResult(
            "ping",
            List.of("big"),
            List.of("flag_big"),
            "flag",
            Map.of(),
            Map.of("id", "e2", "email", "****"),
            Map.of(),
            List.of(),
            null,
            null);
    Envelope evaluated =
        new Envelope("e2", "pings", "shop", 0, JsonNodeFactory.instance.objectNode())
            .evaluated(JSON.valueToTree(result.redacted()), new Envelope.Evaluation(3, result));
    Map<String, Object> row = row(evaluated);
    assertEquals(3L, row.get("contract_version"));
    JsonNode decision = JSON.readTree((String) row.get("decision"));
    assertEquals("flag_big", decision.get("rules").get(0).asText());
    assertFalse(decision.has("redacted"), decision.toString());
    assertEquals("****", JSON.readTree((String) row.get("body")).get("email").asText());
  }
}
