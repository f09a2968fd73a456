package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnalyticsSettingsTest {

  private static String refusedKey(String overrides) {
    return assertThrows(
            SettingsException.class,
            () -> AnalyticsSettings.fromConfig(ReferenceConfig.with(overrides)))
        .key();
  }

  @Test
  void defaultsAreTheLastFifteenMinutesAndTheTopTen() {
    assertEquals(
        new AnalyticsSettings(Duration.ofMinutes(15), 10),
        BenSettings.fromConfig(ReferenceConfig.with("")).analytics());
  }

  @Test
  void overridesAreRead() {
    assertEquals(
        new AnalyticsSettings(Duration.ofHours(1), 3),
        AnalyticsSettings.fromConfig(
            ReferenceConfig.with("ben.gateway { analytics-window = 1h, analytics-top = 3 }")));
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.gateway.analytics-window", refusedKey("ben.gateway.analytics-window = 0s"));
    assertEquals("ben.gateway.analytics-top", refusedKey("ben.gateway.analytics-top = 0"));
    assertEquals("ben.gateway.analytics-top", refusedKey("ben.gateway.analytics-top = many"));
  }
}
