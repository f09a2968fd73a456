package dev.ben.actors.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.typesafe.config.ConfigFactory;
import dev.ben.config.EventLogSettings;
import dev.ben.contracts.engine.playbook.PlaybookOutcome;
import dev.ben.streams.eventlog.BuiltInComponents;
import dev.ben.streams.eventlog.EventLog;
import dev.ben.streams.eventlog.RocksEventLogStore;
import dev.ben.streams.eventlog.StoredEvent;
import dev.ben.streams.flow.Envelope;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drafts of a playbook's decisions and its signal's fate pass their types' schemas, even with
 * text longer than the types allow, and carry the event and version that decided them.
 */
class SignalEventsTest {

  @TempDir Path dir;

  private static PlaybookOutcome outcome(PlaybookOutcome.Status status, String reason) {
    return new PlaybookOutcome(
        "lockout",
        status,
        reason,
        "7",
        "fp",
        1L,
        "brute_force and login_rate.fails > 20",
        "x".repeat(5000),
        "lock_account",
        Map.of("user", "mallory"),
        List.of(),
        List.of("brute_force"),
        Map.of(),
        Map.of());
  }

  @Test
  void everyDraftIsAcceptedAndKeepsItsLineage() {
    Envelope event =
        new Envelope("ev-1", "auth", "shop", 1L, JsonNodeFactory.instance.objectNode());
    EventLogSettings settings = EventLogSettings.fromConfig(ConfigFactory.defaultReference());
    try (RocksEventLogStore store =
        RocksEventLogStore.open(dir.resolve("eventlog"), Clock.systemUTC())) {
      EventLog log = BuiltInComponents.logOn(store, settings, Clock.systemUTC());
      String detector = BuiltInComponents.DETECTOR;
      StoredEvent fired =
          log.publish(
              detector,
              SignalEvents.fired(event, 7, outcome(PlaybookOutcome.Status.FIRED, ""), "mallory"));
      Signal signal =
          Signal.fired(event, 7, outcome(PlaybookOutcome.Status.FIRED, ""), log.newId(), "mallory");
      StoredEvent published =
          log.publish(
              detector, signal.publishedEventId(), SignalEvents.published(signal, fired.id()));
      StoredEvent delivered =
          log.publish(BuiltInComponents.SIGNALS, SignalEvents.delivered(signal, "sse"));
      StoredEvent suppressed =
          log.publish(
              detector,
              SignalEvents.suppressed(
                  event,
                  7,
                  outcome(PlaybookOutcome.Status.SUPPRESSED, "rate: already fired 10 times"),
                  3,
                  null));

      assertEquals("ev-1", fired.event().data().get("event_id").asText());
      assertEquals("7", fired.event().subjects().contractVersion());
      assertEquals("shop", fired.event().subjects().app());
      assertEquals("mallory", fired.event().subjects().userKey());
      assertEquals("mallory", published.event().subjects().userKey());
      assertEquals("mallory", delivered.event().subjects().userKey());
      assertNull(suppressed.event().subjects().userKey(), "a decision about no one in particular");
      assertEquals(
          SignalEvents.MAX_TEXT, fired.event().data().get("explanation").asText().length());
      assertEquals(fired.id(), published.event().parentId());
      assertEquals(published.id(), delivered.event().parentId());
      assertEquals("budget", suppressed.event().data().get("reason").asText());
      assertEquals(3, suppressed.event().data().get("left_out").asLong());
    }
  }

  @Test
  void suppressionsAreSortedByTheirBoundsVerdict() {
    assertEquals("cooldown", SignalEvents.reasonOf("cooldown: fired for user=x 3 ms ago"));
    assertEquals("budget", SignalEvents.reasonOf("rate: already fired 10 times"));
    assertEquals("other", SignalEvents.reasonOf("bound unavailable: no answer"));
  }
}
