package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
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
  void controlCallsWaitForTheLedgerAsConfigured() {
    ControlSettings defaults = ControlSettings.fromConfig(config(""));
    assertEquals(Duration.ofSeconds(15), defaults.askTimeout());
    assertEquals(Duration.ofMinutes(10), defaults.maxDeployWait());

    ControlSettings tuned =
        ControlSettings.fromConfig(
            config("ben.control { ask-timeout = 3s, max-deploy-wait = 1m }"));
    assertEquals(Duration.ofSeconds(3), tuned.askTimeout());
    assertEquals(Duration.ofMinutes(1), tuned.maxDeployWait());
  }

  @Test
  void controlWaitsMustBePositive() {
    for (String key : List.of("ask-timeout", "max-deploy-wait")) {
      assertEquals(
          "ben.control." + key,
          assertThrows(
                  SettingsException.class,
                  () -> ControlSettings.fromConfig(config("ben.control." + key + " = 0s")))
              .key());
    }
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
