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
  void snapshotsDefaultToEvery10000EventsOr30sIn512KiBPerDetector() {
    DetectorSettings settings = DetectorSettings.fromConfig(ReferenceConfig.with(""));
    assertEquals(10_000, settings.snapshotEveryEvents());
    assertEquals(Duration.ofSeconds(30), settings.snapshotInterval());
    assertEquals(512 * 1024, settings.snapshotMaxBytes());
    assertEquals("ben-detector-state", settings.snapshotKvBucket());
    DetectorSettings tuned =
        DetectorSettings.fromConfig(
            ReferenceConfig.with(
                "ben.detector { snapshot-every-events = 5, snapshot-interval = 2s,"
                    + " snapshot-max-bytes = 64k, snapshot-kv-bucket = other }"));
    assertEquals(5, tuned.snapshotEveryEvents());
    assertEquals(Duration.ofSeconds(2), tuned.snapshotInterval());
    assertEquals(65_536, tuned.snapshotMaxBytes());
    assertEquals("other", tuned.snapshotKvBucket());
  }

  @Test
  void detectorsRunOnTheWallClockUnlessEventTimeIsChosen() {
    assertEquals(
        DetectorSettings.Clock.WALL, DetectorSettings.fromConfig(ReferenceConfig.with("")).clock());
    assertEquals(
        DetectorSettings.Clock.EVENT,
        DetectorSettings.fromConfig(ReferenceConfig.with("ben.detector.clock = Event")).clock());
    SettingsException wrong =
        assertThrows(
            SettingsException.class,
            () ->
                DetectorSettings.fromConfig(ReferenceConfig.with("ben.detector.clock = sundial")));
    assertEquals("ben.detector.clock", wrong.key());
    assertTrue(wrong.getMessage().contains("`wall` or `event`"), wrong.getMessage());
  }

  @Test
  void snapshotBoundsAndBucketNamesAreChecked() {
    for (String wrong :
        new String[] {
          "ben.detector.snapshot-max-bytes = 1g",
          "ben.detector.snapshot-max-bytes = 10",
          "ben.detector.snapshot-kv-bucket = \"a.b\"",
          "ben.detector.snapshot-every-events = 0",
          "ben.detector.snapshot-interval = 0s"
        }) {
      String key = wrong.substring(0, wrong.indexOf(' '));
      assertEquals(
          key,
          assertThrows(
                  SettingsException.class,
                  () -> DetectorSettings.fromConfig(ReferenceConfig.with(wrong)))
              .key());
    }
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
