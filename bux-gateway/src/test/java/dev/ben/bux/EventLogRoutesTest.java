package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.streams.metrics.Labels;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ben_api's event-log routes over a real socket, on an event log in memory. */
class EventLogRoutesTest extends BoundGateway {

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void lockout() {
    InMemoryEventLog log = ports.eventLog;
    log.add("act", "ledger.activated", "{\"version\":2}", null, "auth");
    log.add(
        "fire",
        "playbook.fired",
        "{\"playbook\":\"lockout\",\"actions\":[\"lock\"],\"event_id\":\"row-9\"}",
        null,
        "auth");
    log.add("pub", "signal.published", "{\"signal_id\":\"s1\",\"kind\":\"lock\"}", "fire", "auth");
    log.add("del", "signal.delivered", "{\"signal_id\":\"s1\"}", "pub", "auth");
    log.add(
        "quiet",
        "playbook.suppressed",
        "{\"playbook\":\"lockout\",\"reason\":\"cooldown\",\"explanation\":\"cooling down 60s\"}",
        null,
        "shop");
  }

  private JsonNode ok(String path) throws Exception {
    HttpResponse<String> response = server.get(path, ports.token());
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    return JSON.readTree(response.body());
  }

  private long counted(String route, String status) {
    return ports.metrics.value(
        "ben_gateway_requests_total", Labels.of("route", route, "status", status));
  }

  @Test
  void listsEventsByTypePipelineAndTimeWithWhereToGoOn() throws Exception {
    JsonNode all = ok("/api/v1/eventlog?limit=2");
    assertEquals(2, all.get("events").size());
    assertEquals("act", all.get("events").get(0).get("event_id").asText());
    assertTrue(all.get("more").asBoolean());
    long next = all.get("next_position").asLong();
    JsonNode rest = ok("/api/v1/eventlog?from=" + next);
    assertEquals("pub", rest.get("events").get(0).get("event_id").asText());

    JsonNode fired = ok("/api/v1/eventlog?type=playbook.fired,playbook.suppressed&pipeline=shop");
    assertEquals(1, fired.get("events").size());
    JsonNode quiet = fired.get("events").get(0);
    assertEquals("playbook.suppressed", quiet.get("type").asText());
    assertEquals("shop", quiet.get("subjects").get("pipeline").asText());
    assertEquals("cooldown", quiet.get("data").get("reason").asText());
    long sinceThird = InMemoryEventLog.START.plusSeconds(3).toEpochMilli();
    assertEquals(
        sinceThird,
        ok("/api/v1/eventlog?since=" + sinceThird).get("events").get(0).get("at").asLong());
    assertEquals(4, counted("eventlog", "200"));
  }

  @Test
  void oneEventAndItsLineageTree() throws Exception {
    JsonNode event = ok("/api/v1/eventlog/fire").get("event");
    assertEquals("playbook.fired", event.get("type").asText());
    assertTrue(event.get("parent_id").isNull());

    JsonNode tree = ok("/api/v1/eventlog/del/tree");
    assertEquals("del", tree.get("focus_id").asText());
    JsonNode root = tree.get("root");
    assertEquals("fire", root.get("event").get("event_id").asText());
    assertEquals("caused_by", root.get("children").get(0).get("relation").asText());
    assertEquals("row-9", root.get("children").get(0).get("reference").asText());
    assertEquals("contract", root.get("children").get(1).get("relation").asText());
    JsonNode delivered = root.get("children").get(2).get("children").get(0);
    assertEquals("del", delivered.get("event").get("event_id").asText());
    assertTrue(delivered.get("focus").asBoolean());

    JsonNode fromRow = ok("/api/v1/eventlog/row-9/tree").get("root");
    assertEquals("fire", fromRow.get("children").get(0).get("event").get("event_id").asText());
  }

  @Test
  void decisionsCarryTheirExplanationSignalsAndDeliveries() throws Exception {
    JsonNode decisions = ok("/api/v1/decisions").get("decisions");
    assertEquals(2, decisions.size());
    JsonNode fired = decisions.get(0);
    assertEquals("fired", fired.get("outcome").asText());
    JsonNode signal = fired.get("signals").get(0);
    assertEquals("pub", signal.get("event_id").asText());
    assertEquals("signal.delivered", signal.get("outcomes").get(0).get("type").asText());
    JsonNode suppressed = decisions.get(1);
    assertEquals("suppressed", suppressed.get("outcome").asText());
    assertEquals("cooling down 60s", suppressed.get("explanation").asText());
    assertEquals(1, ok("/api/v1/decisions?pipeline=auth").get("decisions").size());
  }

  @Test
  void anUnknownIdIsNotFoundAndABadParameterIsNamed() throws Exception {
    HttpResponse<String> missing = server.get("/api/v1/eventlog/nope", ports.token());
    assertEquals(404, missing.statusCode());
    assertTrue(JSON.readTree(missing.body()).get("error").asText().contains("nope"));
    assertEquals(404, server.get("/api/v1/eventlog/nope/tree", ports.token()).statusCode());

    HttpResponse<String> limit = server.get("/api/v1/eventlog?limit=501", ports.token());
    assertEquals(400, limit.statusCode());
    assertTrue(JSON.readTree(limit.body()).get("error").asText().startsWith("limit takes"));
    HttpResponse<String> since = server.get("/api/v1/decisions?since=yesterday", ports.token());
    assertEquals(400, since.statusCode());
    assertTrue(JSON.readTree(since.body()).get("error").asText().startsWith("since must be"));
    assertEquals(400, server.get("/api/v1/eventlog?type=Not-A-Type", ports.token()).statusCode());
    assertEquals(2, counted("eventlog", "400"));
    assertEquals(1, counted("decisions", "400"));
  }

  @Test
  void withoutASessionNothingIsRead() throws Exception {
    assertEquals(401, server.get("/api/v1/eventlog").statusCode());
    assertEquals(401, server.get("/api/v1/eventlog/fire/tree").statusCode());
    assertEquals(401, server.get("/api/v1/decisions").statusCode());
  }

  @Test
  void aLogThatDoesNotAnswerInTimeIsUnavailable() throws Exception {
    ports.eventLog.silent = true;
    HttpResponse<String> response = server.get("/api/v1/eventlog", ports.token());
    assertEquals(503, response.statusCode());
    assertTrue(JSON.readTree(response.body()).get("error").asText().contains("in time"));
  }
}
