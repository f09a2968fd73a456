package dev.ben.streams.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.config.DetectorSettings;
import dev.ben.contracts.engine.ContractRuntime;
import dev.ben.contracts.event.Event;
import dev.ben.contracts.model.Schema;
import dev.ben.streams.spine.RedactedBody;
import dev.ben.streams.testing.PingProject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DetectorClockTest {

  private static final long ROUND = 1_700_000_000_000L;
  private static final ContractRuntime RUNTIME =
      ContractRuntime.build(PingProject.timed("pings"), "pings", new byte[32]);

  private static ObjectNode ping() {
    return JsonNodeFactory.instance.objectNode().put("id", "e1").put("user", "u1");
  }

  private static long eventTime(ObjectNode body) {
    DetectorClock clock = DetectorClock.of(DetectorSettings.Clock.EVENT, () -> ROUND);
    return clock.timeOf(body, RUNTIME, "ping", clock.roundTime());
  }

  @Test
  void theWallClockIgnoresWhatTheEventSays() {
    DetectorClock clock = DetectorClock.of(DetectorSettings.Clock.WALL, () -> ROUND);
    ObjectNode body = ping().put("at", "2024-05-01T10:00:00Z");
    assertEquals(ROUND, clock.timeOf(body, RUNTIME, "ping", clock.roundTime()));
  }

  @Test
  void eventTimeIsTheFirstTimestampFieldAsTextOrEpochMilliseconds() {
    long at = Instant.parse("2024-05-01T10:00:00.250Z").toEpochMilli();
    assertEquals(at, eventTime(ping().put("at", "2024-05-01T10:00:00.250Z")));
    assertEquals(at, eventTime(ping().put("at", "2024-05-01T12:00:00.250+02:00")));
    assertEquals(at, eventTime(ping().put("at", at)));
    assertEquals(at, eventTime(ping().put("at", at).put("seen", at + 60_000)));
  }

  @Test
  void anEventWithoutAReadableTimeIsAtTheRoundsWallClock() {
    assertEquals(ROUND, eventTime(ping()));
    assertEquals(ROUND, eventTime(ping().put("seen", 5L)));
    assertEquals(ROUND, eventTime(ping().put("at", "yesterday")));
    assertEquals(ROUND, eventTime(ping().put("at", 1.5)));
    assertEquals(ROUND, eventTime(ping().putNull("at")));
  }

  @Test
  void theSpinesTypedEventGivesTheTimeItsBodyGives() {
    DetectorClock clock = DetectorClock.eventTime(() -> ROUND);
    Schema schema = RUNTIME.contracts().schema("ping").orElseThrow();
    Event event = new Event(schema);
    event.setText(schema.indexOf("id"), "e1");
    ObjectNode body = RedactedBody.of(event, JsonNodeFactory.instance);
    assertEquals(ROUND, clock.timeOf(event, body, RUNTIME, "ping", ROUND), "no time");
    long at = Instant.parse("2024-05-01T10:00:00.250Z").toEpochMilli();
    event.setLong(schema.indexOf("at"), at);
    body = RedactedBody.of(event, JsonNodeFactory.instance);
    assertEquals(at, clock.timeOf(event, body, RUNTIME, "ping", ROUND));
    assertNotNull(RedactedBody.untouchedEvent(body), "read from the typed event");
    assertEquals(at, clock.timeOf(body, RUNTIME, "ping", ROUND), "the body says the same");
  }

  @Test
  void anUnknownSchemaIsAtTheRoundsWallClock() {
    DetectorClock clock = DetectorClock.eventTime(() -> ROUND);
    assertEquals(ROUND, clock.timeOf(ping().put("at", 5L), RUNTIME, "pong", ROUND));
  }
}
