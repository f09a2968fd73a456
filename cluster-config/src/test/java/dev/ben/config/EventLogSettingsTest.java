package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventLogSettingsTest {

  private static EventLogSettings settings(String overrides) {
    Config config =
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    return EventLogSettings.fromConfig(config);
  }

  private static SettingsException refused(String overrides) {
    return assertThrows(SettingsException.class, () -> settings(overrides));
  }

  @Test
  void defaultsAreBoundedAndNameTheNatsPlaces() {
    EventLogSettings s = settings("");
    assertEquals(Duration.ofSeconds(30), s.lease());
    assertEquals(Duration.ofHours(1), s.maxLease());
    assertEquals(16 * 1024, s.maxDataBytes());
    assertEquals(500, s.maxEntryChars());
    assertEquals(200, s.maxSubjectChars());
    assertEquals(64 * 1024, s.maxSchemaBytes());
    assertEquals(500, s.maxBatch());
    assertEquals("BEN_EVENTLOG", s.stream());
    assertEquals("ben.eventlog", s.subject());
    assertEquals("ben-eventlog", s.kvBucket());
    assertEquals(10_000, s.emitQueue());
    assertEquals(Duration.ofSeconds(30), s.emitRetry());
    assertEquals(Duration.ofMillis(100), s.emitMinBackoff());
    assertEquals(Duration.ofSeconds(5), s.emitMaxBackoff());
    assertEquals(Duration.ofMinutes(1), s.suppressionInterval());
    assertEquals(10_000, s.suppressionKeys());
  }

  @Test
  void emittingIsBoundedAndItsBackoffOrdered() {
    EventLogSettings s =
        settings("ben.eventlog { emit-queue = 5, emit-retry = 2s, emit-max-backoff = 1s }");
    assertEquals(5, s.emitQueue());
    assertEquals(Duration.ofSeconds(2), s.emitRetry());
    assertEquals("ben.eventlog.emit-queue", refused("ben.eventlog.emit-queue = 0").key());
    assertEquals("ben.eventlog.emit-retry", refused("ben.eventlog.emit-retry = 0s").key());
    SettingsException e = refused("ben.eventlog { emit-min-backoff = 2s, emit-max-backoff = 1s }");
    assertEquals("ben.eventlog.emit-max-backoff", e.key());
    assertTrue(e.getMessage().contains("emit-min-backoff"), e.getMessage());
  }

  @Test
  void operatorsTuneItWithUnits() {
    EventLogSettings s =
        settings(
            "ben.eventlog { lease = 2m, max-data-bytes = 4k, max-batch = 50,"
                + " subject = \"acme.events\" }");
    assertEquals(Duration.ofMinutes(2), s.lease());
    assertEquals(4096, s.maxDataBytes());
    assertEquals(50, s.maxBatch());
    assertEquals("acme.events", s.subject());
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.eventlog.lease", refused("ben.eventlog.lease = 0s").key());
    assertEquals("ben.eventlog.max-lease", refused("ben.eventlog.max-lease = 1s").key());
    assertEquals("ben.eventlog.max-data-bytes", refused("ben.eventlog.max-data-bytes = 2m").key());
    assertEquals(
        "ben.eventlog.max-schema-bytes", refused("ben.eventlog.max-schema-bytes = 0").key());
    assertEquals("ben.eventlog.max-entry-chars", refused("ben.eventlog.max-entry-chars = 0").key());
    assertEquals("ben.eventlog.max-batch", refused("ben.eventlog.max-batch = -1").key());
  }

  @Test
  void natsNamesMustBeWhatJetStreamAccepts() {
    SettingsException e = refused("ben.eventlog.subject = \"ben.>\"");
    assertEquals("ben.eventlog.subject", e.key());
    assertTrue(e.getMessage().contains("subject prefix"), e.getMessage());
    assertEquals("ben.eventlog.stream", refused("ben.eventlog.stream = \"BEN.EVENTS\"").key());
    assertEquals("ben.eventlog.kv-bucket", refused("ben.eventlog.kv-bucket = \"\"").key());
  }
}
