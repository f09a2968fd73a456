package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WalSettingsTest {

  private static final Path DATA = Path.of("/var/ben/data");

  private static WalSettings settings(String overrides) {
    Config config =
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    return WalSettings.fromConfig(config, DATA);
  }

  private static SettingsException refused(String overrides) {
    return assertThrows(SettingsException.class, () -> settings(overrides));
  }

  @Test
  void defaultsLogDurablyUnderTheDataDirectoryAndAckOnceLogged() {
    WalSettings s = settings("");
    assertTrue(s.enabled());
    assertTrue(s.sync());
    assertEquals(DATA.resolve("wal"), s.dir());
    assertEquals(512L * 1024 * 1024, s.maxBytes());
    assertEquals(Duration.ofMillis(200), s.trimInterval());
    assertEquals(4096, s.trimBatch());
    assertEquals(WalSettings.Ack.DURABLE, s.ack());
    assertEquals(Duration.ofSeconds(10), s.ackTimeout());
  }

  @Test
  void tunedValuesAreTaken() {
    WalSettings s =
        settings(
            "ben.wal { dir = \"/fast/wal\", max-bytes = 1m, sync = off, trim-batch = 10,"
                + " trim-interval = 1s }\n"
                + "ben.ingest { ack = STORED, ack-timeout = 3s }");
    assertEquals(Path.of("/fast/wal"), s.dir());
    assertEquals(1024 * 1024, s.maxBytes());
    assertFalse(s.sync());
    assertEquals(10, s.trimBatch());
    assertEquals(Duration.ofSeconds(1), s.trimInterval());
    assertEquals(WalSettings.Ack.STORED, s.ack());
    assertEquals(Duration.ofSeconds(3), s.ackTimeout());
  }

  @Test
  void isPartOfTheNodeSettingsUnderTheNodesHome() {
    BenSettings all =
        BenSettings.fromConfig(
            ConfigFactory.parseString("ben.home = \"/srv/ben\"")
                .withFallback(ConfigFactory.defaultReference())
                .resolve());
    assertEquals(Path.of("/srv/ben/data/wal"), all.wal().dir());
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.wal.max-bytes", refused("ben.wal.max-bytes = 0").key());
    assertEquals("ben.wal.trim-batch", refused("ben.wal.trim-batch = -1").key());
    assertEquals("ben.wal.trim-interval", refused("ben.wal.trim-interval = 0s").key());
    assertEquals("ben.ingest.ack", refused("ben.ingest.ack = eventually").key());
    assertEquals("ben.ingest.ack-timeout", refused("ben.ingest.ack-timeout = 0s").key());
  }
}
