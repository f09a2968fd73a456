package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventArchiveSettingsTest {

  private static EventArchiveSettings settings(String overrides) {
    return EventArchiveSettings.fromConfig(
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve());
  }

  @Test
  void theHistoryIsKeptByDefault() {
    EventArchiveSettings s = settings("");
    assertTrue(s.enabled());
    assertEquals(Duration.ofSeconds(2), s.interval());
  }

  @Test
  void operatorsTurnItOffOrSlowItDown() {
    EventArchiveSettings s = settings("ben.eventlog.archive { enabled = off, interval = 30s }");
    assertFalse(s.enabled());
    assertEquals(Duration.ofSeconds(30), s.interval());
  }

  @Test
  void aZeroIntervalIsRefusedWithItsKey() {
    assertEquals(
        "ben.eventlog.archive.interval",
        assertThrows(SettingsException.class, () -> settings("ben.eventlog.archive.interval = 0s"))
            .key());
  }
}
