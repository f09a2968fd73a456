package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlAndSpineSettingsTest {

  @Test
  void controlApiDefaultsToLoopbackOn7070() {
    assertEquals(
        new Endpoint("127.0.0.1", 7070),
        ControlSettings.fromConfig(ReferenceConfig.with("")).endpoint());
  }

  @Test
  void controlCallsWaitForTheLedgerAsConfigured() {
    ControlSettings defaults = ControlSettings.fromConfig(ReferenceConfig.with(""));
    assertEquals(Duration.ofSeconds(15), defaults.askTimeout());
    assertEquals(Duration.ofMinutes(10), defaults.maxDeployWait());

    ControlSettings tuned =
        ControlSettings.fromConfig(
            ReferenceConfig.with("ben.control { ask-timeout = 3s, max-deploy-wait = 1m }"));
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
                  () ->
                      ControlSettings.fromConfig(
                          ReferenceConfig.with("ben.control." + key + " = 0s")))
              .key());
    }
  }

  @Test
  void controlConnectionsAreCappedPerAddressAndHeldToAFirstBytesDeadline() {
    assertEquals(
        new ConnectionLimits(128, 32, Duration.ofSeconds(10), 1024, Duration.ofSeconds(10)),
        ControlSettings.fromConfig(ReferenceConfig.with("")).connections());
    ConnectionLimits tuned =
        ControlSettings.fromConfig(
                ReferenceConfig.with(
                    "ben.control.connections { max = 10, max-per-address = 5,"
                        + " header-timeout = 300ms }"))
            .connections();
    assertEquals(10, tuned.maxConnections());
    assertEquals(5, tuned.maxPerAddress());
    assertEquals(Duration.ofMillis(300), tuned.headerTimeout());
    assertEquals(
        "ben.control.connections.max-per-address",
        assertThrows(
                SettingsException.class,
                () ->
                    ControlSettings.fromConfig(
                        ReferenceConfig.with(
                            "ben.control.connections { max = 4, max-per-address = 5 }")))
            .key());
    assertEquals(
        128,
        BenSettings.fromConfig(ReferenceConfig.with("ben.ingest.connections.max = 700"))
            .control()
            .connections()
            .maxConnections(),
        "the control port has limits of its own");
  }

  @Test
  void controlPortOutOfRangeIsRefusedWithItsKey() {
    assertEquals(
        "ben.control.port",
        assertThrows(
                SettingsException.class,
                () -> ControlSettings.fromConfig(ReferenceConfig.with("ben.control.port = 70000")))
            .key());
  }

  @Test
  void hashKeyFileLivesUnderTheHomeByDefault() {
    assertEquals(
        Path.of("/srv/ben/keys/hash.key"),
        BenSettings.fromConfig(ReferenceConfig.with("ben.home = /srv/ben")).spine().hashKeyFile());
  }

  @Test
  void aConfiguredHashKeyFileIsUsedAsIs() {
    assertEquals(
        Path.of("/etc/ben/hash.key"),
        SpineSettings.fromConfig(
                ReferenceConfig.with("ben.spine.hash-key-file = /etc/ben/hash.key"),
                Path.of("/srv/ben"))
            .hashKeyFile());
  }

  @Test
  void aContractsReasonLabelsAreCappedAndTheCapMustBePositive() {
    assertEquals(
        32, SpineSettings.fromConfig(ReferenceConfig.with(""), Path.of("/srv")).maxReasonLabels());
    assertEquals(
        4,
        SpineSettings.fromConfig(
                ReferenceConfig.with("ben.spine.max-reason-labels = 4"), Path.of("/srv"))
            .maxReasonLabels());
    assertEquals(
        "ben.spine.max-reason-labels",
        assertThrows(
                SettingsException.class,
                () ->
                    SpineSettings.fromConfig(
                        ReferenceConfig.with("ben.spine.max-reason-labels = 0"), Path.of("/srv")))
            .key());
  }

  @Test
  void trustedKeysAreEmptyByDefaultAndReadAsAListOrACommaSeparatedString() {
    assertEquals(List.of(), LedgerSettings.fromConfig(ReferenceConfig.with("")).trustedKeys());
    assertEquals(
        List.of(Path.of("/k/a.pub"), Path.of("/k/b.pub")),
        LedgerSettings.fromConfig(
                ReferenceConfig.with("ben.ledger.trusted-keys = \"/k/a.pub, /k/b.pub\""))
            .trustedKeys());
    assertEquals(
        List.of(Path.of("/k/a.pub")),
        LedgerSettings.fromConfig(ReferenceConfig.with("ben.ledger.trusted-keys = [/k/a.pub]"))
            .trustedKeys());
  }
}
