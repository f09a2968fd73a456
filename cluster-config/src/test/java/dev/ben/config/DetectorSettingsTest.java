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
