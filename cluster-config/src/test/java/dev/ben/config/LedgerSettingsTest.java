package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LedgerSettingsTest {

  private static LedgerSettings settings(String overrides) {
    Config config =
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    return LedgerSettings.fromConfig(config);
  }

  private static SettingsException refused(String overrides) {
    return assertThrows(SettingsException.class, () -> settings(overrides));
  }

  @Test
  void defaultsAreBoundedAndNameTheLedgerBuckets() {
    LedgerSettings s = settings("");
    assertEquals(32L * 1024 * 1024, s.maxBundleBytes());
    assertEquals(64 * 1024, s.maxEventBytes());
    assertEquals("ben-ledger", s.kvBucket());
    assertEquals("ben-bundles", s.objectBucket());
    assertEquals(Duration.ofSeconds(30), s.activationTimeout());
  }

  @Test
  void talksToTheOrchestratorWithConfiguredPatience() {
    LedgerSettings defaults = settings("");
    assertEquals(Duration.ofSeconds(5), defaults.orchestratorAskTimeout());
    assertEquals(Duration.ofMillis(200), defaults.placementRetryInterval());
    assertEquals(25, defaults.placementAttempts());

    LedgerSettings tuned =
        settings(
            "ben.ledger { orchestrator-ask-timeout = 2s, placement-retry-interval = 1s,"
                + " placement-attempts = 3 }");
    assertEquals(Duration.ofSeconds(2), tuned.orchestratorAskTimeout());
    assertEquals(Duration.ofSeconds(1), tuned.placementRetryInterval());
    assertEquals(3, tuned.placementAttempts());
  }

  @Test
  void sizesAcceptUnitsAsOperatorsWriteThem() {
    LedgerSettings s = settings("ben.ledger { max-bundle-bytes = 1m, max-event-bytes = 512k }");
    assertEquals(1024 * 1024, s.maxBundleBytes());
    assertEquals(512 * 1024, s.maxEventBytes());
  }

  @Test
  void isPartOfTheNodeSettings() {
    BenSettings all =
        BenSettings.fromConfig(
            ConfigFactory.parseString("ben.ledger.activation-timeout = 5s")
                .withFallback(ConfigFactory.defaultReference())
                .resolve());
    assertEquals(Duration.ofSeconds(5), all.ledger().activationTimeout());
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.ledger.max-bundle-bytes", refused("ben.ledger.max-bundle-bytes = 0").key());
    assertEquals("ben.ledger.max-bundle-bytes", refused("ben.ledger.max-bundle-bytes = 1g").key());
    assertEquals("ben.ledger.max-event-bytes", refused("ben.ledger.max-event-bytes = 2m").key());
    assertEquals(
        "ben.ledger.activation-timeout", refused("ben.ledger.activation-timeout = 0s").key());
    assertEquals(
        "ben.ledger.activation-timeout", refused("ben.ledger.activation-timeout = soon").key());
    assertEquals(
        "ben.ledger.orchestrator-ask-timeout",
        refused("ben.ledger.orchestrator-ask-timeout = 0s").key());
    assertEquals(
        "ben.ledger.placement-retry-interval",
        refused("ben.ledger.placement-retry-interval = -1s").key());
    assertEquals(
        "ben.ledger.placement-attempts", refused("ben.ledger.placement-attempts = 0").key());
  }

  @Test
  void bucketNamesMustBeWhatJetStreamAccepts() {
    SettingsException e = refused("ben.ledger.kv-bucket = \"ben.ledger\"");
    assertEquals("ben.ledger.kv-bucket", e.key());
    assertTrue(e.getMessage().contains("letters, digits, _ and -"), e.getMessage());
    assertEquals("ben.ledger.object-bucket", refused("ben.ledger.object-bucket = \"\"").key());
  }
}
