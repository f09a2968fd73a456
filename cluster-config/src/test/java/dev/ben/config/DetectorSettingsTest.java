package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DetectorSettingsTest {

  @Test
  void defaultsSpreadStateOverSixteenShardsFedInRoundsOf256() {
    DetectorSettings settings = DetectorSettings.fromConfig(ReferenceConfig.with(""));
    assertEquals(16, settings.shards());
    assertEquals(256, settings.batchSize());
    assertEquals(Duration.ofSeconds(10), settings.askTimeout());
    assertEquals(100, settings.loadRetries());
    assertEquals(4, settings.roundsInFlight());
    assertEquals(Duration.ofSeconds(1), settings.budgetTimeout());
    assertEquals(1000, settings.stashCapacity());
  }

  @Test
  void budgetSettingsAreReadAndABudgetTimeoutNotShorterThanTheRoundsIsRefused() {
    DetectorSettings settings =
        DetectorSettings.fromConfig(
            ReferenceConfig.with(
                "ben.detector.budget-timeout = 250ms\nben.detector.stash-capacity = 7"));
    assertEquals(Duration.ofMillis(250), settings.budgetTimeout());
    assertEquals(7, settings.stashCapacity());
    var tooLong =
        assertThrows(
            SettingsException.class,
            () ->
                DetectorSettings.fromConfig(
                    ReferenceConfig.with(
                        "ben.detector.budget-timeout = 10s\nben.detector.ask-timeout = 10s")));
    assertEquals("ben.detector.budget-timeout", tooLong.key());
    assertTrue(tooLong.getMessage().contains("shorter than"), tooLong.getMessage());
    assertEquals(
        "ben.detector.stash-capacity",
        assertThrows(
                SettingsException.class,
                () ->
                    DetectorSettings.fromConfig(
                        ReferenceConfig.with("ben.detector.stash-capacity = 0")))
            .key());
  }

  @Test
  void tooManyShardsAndZeroBatchesAreRefusedWithTheirKey() {
    var tooMany =
        assertThrows(
            SettingsException.class,
            () -> DetectorSettings.fromConfig(ReferenceConfig.with("ben.detector.shards = 5000")));
    assertEquals("ben.detector.shards", tooMany.key());
    assertTrue(tooMany.getMessage().contains("1024"), tooMany.getMessage());
    assertEquals(
        "ben.detector.batch-size",
        assertThrows(
                SettingsException.class,
                () ->
                    DetectorSettings.fromConfig(
                        ReferenceConfig.with("ben.detector.batch-size = 0")))
            .key());
  }
}
