package dev.ben.streams.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogEventIdsTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
  private final LogEventIds ids = new LogEventIds(clock);

  @Test
  void idsAreVersion7WithTheClockTime() {
    UUID id = UUID.fromString(ids.next());
    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    assertEquals(clock.millis(), id.getMostSignificantBits() >>> 16);
  }

  @Test
  void idsIncreaseEvenWhenTheClockStandsStillOrGoesBack() {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      made.add(ids.next());
      if (i == 5_000) {
        clock.advance(Duration.ofSeconds(-1));
      }
    }
    for (int i = 1; i < made.size(); i++) {
      assertTrue(made.get(i - 1).compareTo(made.get(i)) < 0, made.get(i - 1) + " " + made.get(i));
    }
  }
}
