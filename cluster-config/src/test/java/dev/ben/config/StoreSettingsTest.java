package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

  @Test
  void replicasAreKeptEverySecondByDefault() {
    assertEquals(
        Duration.ofSeconds(1),
        BenSettings.fromConfig(ReferenceConfig.with("")).store().replicaInterval());
  }

  @Test
  void aConfiguredIntervalIsUsed() {
    assertEquals(
        Duration.ofMillis(250),
        StoreSettings.fromConfig(ReferenceConfig.with("ben.store.replica-interval = 250ms"))
            .replicaInterval());
  }

  @Test
  void aZeroOrMalformedIntervalIsRefusedWithItsKey() {
    assertEquals(
        "ben.store.replica-interval",
        assertThrows(
                SettingsException.class,
                () ->
                    StoreSettings.fromConfig(
                        ReferenceConfig.with("ben.store.replica-interval = 0s")))
            .key());
    assertEquals(
        "ben.store.replica-interval",
        assertThrows(
                SettingsException.class,
                () ->
                    StoreSettings.fromConfig(
                        ReferenceConfig.with("ben.store.replica-interval = soon")))
            .key());
  }
}
