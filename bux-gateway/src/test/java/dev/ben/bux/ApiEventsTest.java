package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ben.bux.api.InMemoryApi;
import dev.ben.bux.api.StoredEvents.EventQuery;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/events}: its parameters as the port receives them, paging, and refusals. */
class ApiEventsTest extends BoundGateway {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpResponse<String> events(String query) throws Exception {
    return server.get("/api/v1/events?" + query, ports.token());
  }

  private String refused(String query) throws Exception {
    HttpResponse<String> response = events(query);
    assertEquals(400, response.statusCode(), response.body());
    return JSON.readTree(response.body()).get("error").asText();
  }

  @Test
  void theFiltersReachThePortAndTheDefaultsAreTheLastWeekAnd100Events() throws Exception {
    Instant before = Instant.now();
    assertEquals(
        200, events("pipeline=auth&app=web&rule=lockout&action=flag&key=ada").statusCode());
    EventQuery query = ports.api.lastQuery.get();
    assertEquals("auth", query.pipeline());
    assertEquals(Optional.of("web"), query.app());
    assertEquals(Optional.of("lockout"), query.rule());
    assertEquals(Optional.of("flag"), query.action());
    assertEquals(Optional.of("ada"), query.key());
    assertEquals(100, query.limit());
    assertTrue(!query.to().isBefore(before));
    assertEquals(Duration.ofDays(7), Duration.between(query.from(), query.to()));

    String iso = URLEncoder.encode("2026-12-05T10:00:00Z", StandardCharsets.UTF_8);
    assertEquals(200, events("pipeline=auth&from=" + iso + "&to=1796468400000").statusCode());
    assertEquals(Instant.parse("2026-12-05T10:00:00Z"), ports.api.lastQuery.get().from());
    assertEquals(Instant.ofEpochMilli(1796468400000L), ports.api.lastQuery.get().to());
  }

  @Test
  void pagesCarryAnOpaqueCursorThatTheNextPageHandsBack() throws Exception {
    for (int i = 0; i < 3; i++) {
      ports.api.stored.add(InMemoryApi.event("e" + i, 1_000_000L - i * 1000, "lockout"));
    }
    HttpResponse<String> first = events("pipeline=auth&limit=2");
    assertEquals(200, first.statusCode(), first.body());
    JsonNode page = JSON.readTree(first.body());
    assertEquals(2, page.get("events").size());
    JsonNode event = page.get("events").get(0);
    assertEquals("e0", event.get("event_id").asText());
    assertEquals(1_000_000L, event.get("received_at_ms").asLong());
    assertEquals("lockout", event.get("decisions").get("rules").get(0).asText());
    assertEquals("ada", event.get("body").get("user").asText());

    String cursor = page.get("next_cursor").asText();
    assertEquals(200, events("pipeline=auth&cursor=" + cursor).statusCode());
    var after = ports.api.lastQuery.get().after().orElseThrow();
    assertEquals(999_000L, after.receivedAtMs());
    assertEquals("e1", after.eventId());

    ports.api.stored.clear();
    assertTrue(JSON.readTree(events("pipeline=auth").body()).get("next_cursor").isNull());
  }

  @Test
  void badParametersAreRefusedNamingTheParameterAndWhatIsAllowed() throws Exception {
    assertTrue(refused("app=web").contains("`pipeline` is required"));
    assertTrue(
        refused("pipeline=auth&limit=501")
            .contains("`limit` must be a whole number from 1 to 500"));
    assertTrue(refused("pipeline=auth&limit=0").contains("`limit`"));
    assertTrue(refused("pipeline=auth&limit=many").contains("`limit`"));
    assertTrue(
        refused("pipeline=auth&from=yesterday")
            .contains("`from` must be epoch milliseconds or an ISO-8601 instant"));
    assertTrue(refused("pipeline=auth&from=2000&to=1000").contains("`from`"));
    String wide = refused("pipeline=auth&from=0&to=" + Duration.ofDays(8).toMillis());
    assertTrue(wide.contains("ben.gateway.query-max-range"), wide);
    assertTrue(refused("pipeline=auth&cursor=%21%21").contains("`cursor`"));
    assertEquals(404, events("pipeline=nope").statusCode());
  }
}
