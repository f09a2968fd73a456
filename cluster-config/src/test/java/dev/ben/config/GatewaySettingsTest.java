package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

  private static String refusedKey(String overrides) {
    return assertThrows(
            SettingsException.class,
            () -> GatewaySettings.fromConfig(ReferenceConfig.with(overrides)))
        .key();
  }

  @Test
  void defaultsKeepClientsAliveEvery15SecondsAndCountEverySecond() {
    assertEquals(
        new GatewaySettings(
            new Endpoint("127.0.0.1", 8080), Duration.ofSeconds(15), 256, Duration.ofSeconds(1)),
        BenSettings.fromConfig(ReferenceConfig.with("")).gateway());
  }

  @Test
  void overridesAreRead() {
    assertEquals(
        new GatewaySettings(
            new Endpoint("0.0.0.0", 0), Duration.ofSeconds(5), 8, Duration.ofMillis(250)),
        GatewaySettings.fromConfig(
            ReferenceConfig.with(
                "ben.gateway { host = \"0.0.0.0\", port = 0, keep-alive = 5s, client-buffer = 8,"
                    + " counters-interval = 250ms }")));
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.gateway.keep-alive", refusedKey("ben.gateway.keep-alive = 0s"));
    assertEquals("ben.gateway.client-buffer", refusedKey("ben.gateway.client-buffer = 0"));
    assertEquals(
        "ben.gateway.counters-interval", refusedKey("ben.gateway.counters-interval = often"));
  }
}
