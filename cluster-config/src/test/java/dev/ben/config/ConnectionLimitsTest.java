package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

  private static String refusedKey(String overrides) {
    return assertThrows(
            SettingsException.class,
            () -> ConnectionLimits.fromConfig(ReferenceConfig.with(overrides), "ben.ingest"))
        .key();
  }

  @Test
  void ingestDefaultsServe1024ConnectionsAt64PerAddressWithTenSecondHeaders() {
    assertEquals(
        new ConnectionLimits(1024, 64, Duration.ofSeconds(10), 1024, Duration.ofSeconds(10)),
        BenSettings.fromConfig(ReferenceConfig.with("")).ingest().connections());
  }

  @Test
  void overridesAreReadPerListener() {
    ConnectionLimits ingest =
        ConnectionLimits.fromConfig(
            ReferenceConfig.with(
                "ben.ingest.connections { max = 50, max-per-address = 20, header-timeout = 500ms,"
                    + " min-body-rate = 10k, body-window = 2s }"),
            "ben.ingest");
    assertEquals(
        new ConnectionLimits(50, 20, Duration.ofMillis(500), 10240, Duration.ofSeconds(2)), ingest);
    assertEquals(
        1024,
        BenSettings.fromConfig(ReferenceConfig.with("ben.ingest.connections.max = 100"))
            .gateway()
            .connections()
            .maxConnections());
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.ingest.connections.max", refusedKey("ben.ingest.connections.max = 0"));
    assertEquals(
        "ben.ingest.connections.max-per-address",
        refusedKey("ben.ingest.connections { max = 10, max-per-address = 11 }"));
    assertEquals(
        "ben.ingest.connections.header-timeout",
        refusedKey("ben.ingest.connections.header-timeout = 0s"));
    assertEquals(
        "ben.ingest.connections.min-body-rate",
        refusedKey("ben.ingest.connections.min-body-rate = 0"));
    assertEquals(
        "ben.ingest.connections.body-window",
        refusedKey("ben.ingest.connections.body-window = 0s"));
  }
}
