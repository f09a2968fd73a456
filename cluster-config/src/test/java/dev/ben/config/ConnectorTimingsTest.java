package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ben.config.ConnectorSettings.ClickHouseSettings;
import dev.ben.config.ConnectorSettings.NatsSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The timings in {@link ConnectorSettings}; BenSettingsTest covers the connectors' addresses and
 * names.
 */
class ConnectorTimingsTest {

  private static final String SERVERS =
      "ben.connectors.nats.url = \"nats://127.0.0.1:4222\"\n"
          + "ben.connectors.clickhouse.url = \"http://127.0.0.1:8123\"\n";

  private static ConnectorSettings settings(String overrides) {
    Config config =
        ConfigFactory.parseString(SERVERS + overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    return ConnectorSettings.fromConfig(config);
  }

  private static String refusedKey(String overrides) {
    return assertThrows(SettingsException.class, () -> settings(overrides)).key();
  }

  @Test
  void defaultsBoundConnectingToFiveSecondsAndStatementsToAMinute() {
    NatsSettings nats = settings("").nats().orElseThrow();
    assertEquals(Duration.ofSeconds(5), nats.connectionTimeout());
    assertEquals(Duration.ofSeconds(5), nats.flushTimeout());
    assertEquals(Duration.ofMillis(500), nats.fetchWait());
    ClickHouseSettings clickHouse = settings("").clickHouse().orElseThrow();
    assertEquals(Duration.ofSeconds(5), clickHouse.connectTimeout());
    assertEquals(Duration.ofSeconds(60), clickHouse.requestTimeout());
  }

  @Test
  void overridesAreRead() {
    ConnectorSettings s =
        settings(
            "ben.connectors.nats { connection-timeout = 1s, flush-timeout = 2s, fetch-wait = 3s }\n"
                + "ben.connectors.clickhouse { connect-timeout = 4s, request-timeout = 5m }");
    NatsSettings nats = s.nats().orElseThrow();
    assertEquals(Duration.ofSeconds(1), nats.connectionTimeout());
    assertEquals(Duration.ofSeconds(2), nats.flushTimeout());
    assertEquals(Duration.ofSeconds(3), nats.fetchWait());
    assertEquals(Duration.ofSeconds(4), s.clickHouse().orElseThrow().connectTimeout());
    assertEquals(Duration.ofMinutes(5), s.clickHouse().orElseThrow().requestTimeout());
  }

  @Test
  void badValuesAreRefusedWithTheirKeyEvenWithoutAServer() {
    assertEquals(
        "ben.connectors.nats.connection-timeout",
        refusedKey("ben.connectors.nats.connection-timeout = 0s"));
    assertEquals(
        "ben.connectors.nats.flush-timeout", refusedKey("ben.connectors.nats.flush-timeout = x"));
    assertEquals(
        "ben.connectors.nats.fetch-wait", refusedKey("ben.connectors.nats.fetch-wait = -1s"));
    assertEquals(
        "ben.connectors.clickhouse.connect-timeout",
        refusedKey("ben.connectors.clickhouse.connect-timeout = 0ms"));
    assertEquals(
        "ben.connectors.clickhouse.request-timeout",
        assertThrows(
                SettingsException.class,
                () ->
                    ConnectorSettings.fromConfig(
                        ConfigFactory.parseString("ben.connectors.clickhouse.request-timeout = 0s")
                            .withFallback(ConfigFactory.defaultReference())
                            .resolve()))
            .key());
  }

  @Test
  void theEmbeddedStoreCheckpointsAfter256MegabytesOfLogUnlessTold() {
    assertEquals(256L << 20, settings("").embedded().checkpointThresholdBytes());
    assertEquals(
        64L << 20,
        settings("ben.connectors.embedded.checkpoint-threshold = 64m")
            .embedded()
            .checkpointThresholdBytes());
    assertEquals(
        "ben.connectors.embedded.checkpoint-threshold",
        refusedKey("ben.connectors.embedded.checkpoint-threshold = 0"));
  }

  @Test
  void theEmbeddedStoreAppendsLargeBatchesOnTwoConnectionsUnlessTold() {
    assertEquals(2, settings("").embedded().writers());
    assertEquals(1, settings("ben.connectors.embedded.writers = 1").embedded().writers());
    assertEquals(
        "ben.connectors.embedded.writers", refusedKey("ben.connectors.embedded.writers = 0"));
  }
}
