package dev.ben.streams.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ben.config.EventLogSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registrations are events of the log, so they survive a restart and reach other nodes. */
class ComponentRegistrationTest {

  private static final EventLogSettings SETTINGS = EventLogContract.settings("s", "s", "b");

  @TempDir Path dir;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));

  private EventLog open(EventLogStore store) {
    EventTypes types = EventTypes.builtIn(SETTINGS);
    return new EventLog(store, types, new Components(types), SETTINGS, clock);
  }

  private static EventDraft fired() {
    return EventDraft.of(
        "playbook.fired",
        "lockout",
        JsonNodeFactory.instance
            .objectNode()
            .put("playbook", "lockout")
            .set("actions", JsonNodeFactory.instance.arrayNode().add("lock")));
  }

  @Test
  void aRegistrationIsRecordedWithTheAdminAsSourceAndOutlivesTheProcess() {
    try (EventLogStore store = RocksEventLogStore.open(dir, clock)) {
      EventLog log = open(store);
      StoredEvent recorded =
          log.register(
              "admin", new Component("responder", Set.of("playbook.fired"), Set.of("case.opened")));
      assertEquals(EventLog.COMPONENT_REGISTERED, recorded.type());
      assertEquals("admin", recorded.event().source());
      assertEquals("responder", recorded.event().data().path("component").asText());
      assertEquals("responder", log.publish("responder", fired()).event().source());
      log.register("admin", new Component("responder", Set.of(), Set.of()));
    }
    try (EventLogStore store = RocksEventLogStore.open(dir, clock)) {
      EventLog restarted = open(store);
      EventRefusedException before =
          assertThrows(EventRefusedException.class, () -> restarted.publish("responder", fired()));
      assertEquals(EventRefusedException.Kind.UNREGISTERED, before.kind());
      assertEquals(2, restarted.reloadComponents());
      assertEquals(
          List.of(new Component("responder", Set.of(), Set.of())),
          restarted.components().all(),
          "the later registration replaced the earlier one");
      assertEquals(0, restarted.reloadComponents(), "nothing new since the last reload");
    }
  }

  @Test
  void aRegistrationNamingAnUndeclaredTypeIsRefusedAndNotRecorded() {
    try (EventLogStore store = RocksEventLogStore.open(dir, clock)) {
      EventLog log = open(store);
      EventRefusedException refused =
          assertThrows(
              EventRefusedException.class,
              () -> log.register("admin", new Component("x", Set.of("no.such"), Set.of())));
      assertTrue(refused.getMessage().contains("no.such"), refused.getMessage());
      assertEquals(List.of(), log.browse(0, Set.of(), 10));
    }
  }
}
