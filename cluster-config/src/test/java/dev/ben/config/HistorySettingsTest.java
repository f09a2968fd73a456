package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistorySettingsTest {

  private static String refusedKey(String overrides) {
    return assertThrows(
            SettingsException.class,
            () -> HistorySettings.fromConfig(ReferenceConfig.with(overrides)))
        .key();
  }

  @Test
  void defaultsKeepFifteenMinutesAtTwoSecondsOfAtMost2000Series() {
    assertEquals(
        new HistorySettings(Duration.ofSeconds(2), 450, 2000, Duration.ofSeconds(2)),
        BenSettings.fromConfig(ReferenceConfig.with("")).history());
  }

  @Test
  void overridesAreRead() {
    assertEquals(
        new HistorySettings(Duration.ofMillis(500), 10, 50, Duration.ofMillis(300)),
        HistorySettings.fromConfig(
            ReferenceConfig.with(
                "ben.gateway { history-interval = 500ms, history-points = 10,"
                    + " history-max-series = 50, history-timeout = 300ms }")));
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.gateway.history-interval", refusedKey("ben.gateway.history-interval = 0s"));
    assertEquals("ben.gateway.history-points", refusedKey("ben.gateway.history-points = 0"));
    assertEquals(
        "ben.gateway.history-max-series", refusedKey("ben.gateway.history-max-series = -1"));
    assertEquals("ben.gateway.history-timeout", refusedKey("ben.gateway.history-timeout = soon"));
  }
}
