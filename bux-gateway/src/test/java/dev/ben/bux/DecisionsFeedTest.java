package dev.ben.bux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DecisionsFeedTest {

  private final InMemoryEventLog log = new InMemoryEventLog();
  // The log's events are created a second apart from START: the feed opens between the first two.
  private final DecisionsFeed feed =
      new DecisionsFeed(
          log,
          new EventLogJson(new ObjectMapper()),
          Duration.ofSeconds(1),
          () -> InMemoryEventLog.START.plusMillis(1500).toEpochMilli());

  private List<JsonNode> read() throws Exception {
    return feed.readOn().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private void lockout(String id) {
    log.add(
        id,
        "playbook.fired",
        "{\"playbook\":\"lockout\",\"actions\":[\"lock\"],\"explanation\":\"5 failures\"}",
        null,
        "auth");
  }

  @Test
  void theFirstReadSkipsWhatWasLoggedBeforeAndLaterReadsGetOnlyNewEntries() throws Exception {
    lockout("before");
    assertEquals(List.of(), read());
    lockout("fire");
    log.add("act", "ledger.activated", "{\"version\":2}", null, "auth");
    List<JsonNode> entries = read();
    assertEquals(1, entries.size(), entries.toString());
    JsonNode fired = entries.get(0);
    assertEquals("fire", fired.get("event_id").asText());
    assertEquals("fired", fired.get("outcome").asText());
    assertEquals("5 failures", fired.get("explanation").asText());
    assertEquals("auth", fired.get("pipeline").asText());
    assertEquals("lockout", fired.get("playbook").asText());
    assertEquals(List.of(), read());
  }

  @Test
  void aSignalAndItsOutcomeCarryThePlaybookOfTheirDecision() throws Exception {
    read();
    lockout("fire");
    log.add("pub", "signal.published", "{\"signal_id\":\"s1\",\"kind\":\"lock\"}", "fire", "auth");
    // An outcome joined only by its signal_id, as a delivery recorded by another node may be.
    log.add("drop", "signal.dropped", "{\"signal_id\":\"s1\",\"reason\":\"gone\"}", null, "auth");
    List<JsonNode> entries = read();
    assertEquals(
        List.of("playbook.fired", "signal.published", "signal.dropped"),
        entries.stream().map(e -> e.get("type").asText()).toList());
    entries.forEach(e -> assertEquals("lockout", e.get("playbook").asText(), e.toString()));
    assertTrue(entries.get(1).get("outcome") == null, "only decisions carry an outcome");
  }

  @Test
  void aReadThatFailsIsTriedAgainFromTheSamePosition() throws Exception {
    read();
    lockout("fire");
    log.silent = true;
    assertThrows(ExecutionException.class, this::read);
    log.silent = false;
    assertEquals("fire", read().get(0).get("event_id").asText());
  }

  @Test
  void oneReadHandsOnAtMostAPageAndTheNextGoesOn() throws Exception {
    read();
    int count = EventLogParams.MAX_LIMIT + 3;
    for (int i = 0; i < count; i++) {
      lockout("fire-" + i);
    }
    assertEquals(EventLogParams.MAX_LIMIT, read().size());
    List<JsonNode> rest = read();
    assertEquals(3, rest.size());
    assertEquals("fire-" + (count - 1), rest.get(2).get("event_id").asText());
  }
}
