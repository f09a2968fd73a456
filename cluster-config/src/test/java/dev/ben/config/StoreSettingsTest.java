package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

  private static Config config(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  @Test
  void replicasAreKeptEverySecondByDefault() {
    assertEquals(
        Duration.ofSeconds(1), BenSettings.fromConfig(config("")).store().replicaInterval());
  }

  @Test
  void aConfiguredIntervalIsUsed() {
    assertEquals(
        Duration.ofMillis(250),
        StoreSettings.fromConfig(config("ben.store.replica-interval = 250ms")).replicaInterval());
  }

  @Test
  void aZeroOrMalformedIntervalIsRefusedWithItsKey() {
    assertEquals(
        "ben.store.replica-interval",
        assertThrows(
                SettingsException.class,
                () -> StoreSettings.fromConfig(config("ben.store.replica-interval = 0s")))
            .key());
    assertEquals(
        "ben.store.replica-interval",
        assertThrows(
                SettingsException.class,
                () -> StoreSettings.fromConfig(config("ben.store.replica-interval = soon")))
            .key());
  }
}
