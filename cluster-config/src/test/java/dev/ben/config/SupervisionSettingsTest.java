package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SupervisionSettingsTest {

  private static SettingsException refused(String overrides) {
    return assertThrows(
        SettingsException.class,
        () -> SupervisionSettings.fromConfig(ReferenceConfig.with(overrides)));
  }

  @Test
  void defaultsRestartAfter200MillisUpToTenSecondsWithATwentyPercentSpread() {
    assertEquals(
        new SupervisionSettings(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2),
        BenSettings.fromConfig(ReferenceConfig.with("")).supervision());
  }

  @Test
  void overridesAreRead() {
    assertEquals(
        new SupervisionSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 0),
        SupervisionSettings.fromConfig(
            ReferenceConfig.with(
                "ben.supervision { min-backoff = 1s, max-backoff = 1s, random-factor = 0 }")));
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.supervision.min-backoff", refused("ben.supervision.min-backoff = 0s").key());
    assertEquals(
        "ben.supervision.max-backoff", refused("ben.supervision.max-backoff = soon").key());
    assertEquals(
        "ben.supervision.random-factor", refused("ben.supervision.random-factor = 1.5").key());
    assertEquals(
        "ben.supervision.random-factor", refused("ben.supervision.random-factor = -0.1").key());
    assertEquals(
        "ben.supervision.random-factor", refused("ben.supervision.random-factor = lots").key());
  }

  @Test
  void theLongestPauseMayNotBeShorterThanTheFirst() {
    SettingsException e = refused("ben.supervision { min-backoff = 2s, max-backoff = 1s }");
    assertEquals("ben.supervision.max-backoff", e.key());
    assertTrue(e.getMessage().contains("min-backoff (2000 ms)"), e.getMessage());
  }
}
