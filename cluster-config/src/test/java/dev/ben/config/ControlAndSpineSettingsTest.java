package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlAndSpineSettingsTest {

  private static Config config(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  @Test
  void controlApiDefaultsToLoopbackOn7070() {
    assertEquals(
        new Endpoint("127.0.0.1", 7070), ControlSettings.fromConfig(config("")).endpoint());
  }

  @Test
  void controlPortOutOfRangeIsRefusedWithItsKey() {
    assertEquals(
        "ben.control.port",
        assertThrows(
                SettingsException.class,
                () -> ControlSettings.fromConfig(config("ben.control.port = 70000")))
            .key());
  }

  @Test
  void hashKeyFileLivesUnderTheHomeByDefault() {
    assertEquals(
        Path.of("/srv/ben/keys/hash.key"),
        BenSettings.fromConfig(config("ben.home = /srv/ben")).spine().hashKeyFile());
  }

  @Test
  void aConfiguredHashKeyFileIsUsedAsIs() {
    assertEquals(
        Path.of("/etc/ben/hash.key"),
        SpineSettings.fromConfig(
                config("ben.spine.hash-key-file = /etc/ben/hash.key"), Path.of("/srv/ben"))
            .hashKeyFile());
  }

  @Test
  void trustedKeysAreEmptyByDefaultAndReadAsAListOrACommaSeparatedString() {
    assertEquals(List.of(), LedgerSettings.fromConfig(config("")).trustedKeys());
    assertEquals(
        List.of(Path.of("/k/a.pub"), Path.of("/k/b.pub")),
        LedgerSettings.fromConfig(config("ben.ledger.trusted-keys = \"/k/a.pub, /k/b.pub\""))
            .trustedKeys());
    assertEquals(
        List.of(Path.of("/k/a.pub")),
        LedgerSettings.fromConfig(config("ben.ledger.trusted-keys = [/k/a.pub]")).trustedKeys());
  }
}
