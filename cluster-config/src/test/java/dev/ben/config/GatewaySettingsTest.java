package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

  private static SettingsException refused(String overrides) {
    return assertThrows(
        SettingsException.class, () -> GatewaySettings.fromConfig(ReferenceConfig.with(overrides)));
  }

  private static String refusedKey(String overrides) {
    return refused(overrides).key();
  }

  @Test
  void defaultsKeepClientsAliveEvery15SecondsCountEverySecondAndAllowNoOtherOrigin() {
    assertEquals(
        new GatewaySettings(
            new Endpoint("127.0.0.1", 8080),
            Duration.ofSeconds(15),
            256,
            Duration.ofSeconds(1),
            List.of(),
            5,
            Duration.ofMinutes(1),
            1024 * 1024,
            new ConnectionLimits(1024, 64, Duration.ofSeconds(10), 1024, Duration.ofSeconds(10)),
            Duration.ofDays(7),
            Duration.ofSeconds(5),
            new WebSocketSettings(
                32, 64, 2 * 1024 * 1024, Duration.ofSeconds(10), 20, 1024, 1024 * 1024, 10_000)),
        BenSettings.fromConfig(ReferenceConfig.with("")).gateway());
  }

  @Test
  void overridesAreRead() {
    assertEquals(
        new GatewaySettings(
            new Endpoint("0.0.0.0", 0),
            Duration.ofSeconds(5),
            8,
            Duration.ofMillis(250),
            List.of("https://bux.example.com", "http://10.0.0.5:8080"),
            3,
            Duration.ofMinutes(10),
            4096,
            new ConnectionLimits(10, 2, Duration.ofSeconds(3), 100, Duration.ofSeconds(4)),
            Duration.ofHours(6),
            Duration.ofMillis(1500),
            new WebSocketSettings(4, 8, 2048, Duration.ofSeconds(2), 3, 16, 1024, 50)),
        GatewaySettings.fromConfig(
            ReferenceConfig.with(
                "ben.gateway { host = \"0.0.0.0\", port = 0, keep-alive = 5s, client-buffer = 8,"
                    + " counters-interval = 250ms,"
                    + " allowed-origins = [\"https://bux.example.com\", \"http://10.0.0.5:8080\"],"
                    + " login-failures = 3, login-failure-window = 10m, max-request-bytes = 4k,"
                    + " connections { max = 10, max-per-address = 2, header-timeout = 3s,"
                    + " min-body-rate = 100, body-window = 4s },"
                    + " query-max-range = 6h, read-timeout = 1500ms,"
                    + " socket { max-subscriptions = 4, max-sub-id-chars = 8, max-frame-bytes = 2k,"
                    + " frame-timeout = 2s, max-refused-frames = 3, stream-ring = 16,"
                    + " testbench-max-event-bytes = 1k, testbench-max-events = 50 } }")));
  }

  @Test
  void allowedOriginsAreCanonicalAndTheEnvironmentsCommaSeparatedFormIsRead() {
    assertEquals(
        List.of("https://bux.example.com", "http://ops.example.com:8443"),
        GatewaySettings.fromConfig(
                ReferenceConfig.with(
                    "ben.gateway.allowed-origins = \"HTTPS://Bux.Example.com:443,"
                        + " http://ops.example.com:8443, https://bux.example.com\""))
            .allowedOrigins());
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.gateway.keep-alive", refusedKey("ben.gateway.keep-alive = 0s"));
    assertEquals("ben.gateway.client-buffer", refusedKey("ben.gateway.client-buffer = 0"));
    assertEquals(
        "ben.gateway.counters-interval", refusedKey("ben.gateway.counters-interval = often"));
    assertEquals("ben.gateway.login-failures", refusedKey("ben.gateway.login-failures = 0"));
    assertEquals(
        "ben.gateway.login-failure-window", refusedKey("ben.gateway.login-failure-window = 0s"));
    assertEquals("ben.gateway.query-max-range", refusedKey("ben.gateway.query-max-range = 0s"));
    assertEquals("ben.gateway.read-timeout", refusedKey("ben.gateway.read-timeout = soon"));
    assertEquals(
        "ben.gateway.socket.max-subscriptions",
        refusedKey("ben.gateway.socket.max-subscriptions = 0"));
    assertEquals(
        "ben.gateway.socket.max-refused-frames",
        refusedKey("ben.gateway.socket.max-refused-frames = -1"));
    assertEquals(
        "ben.gateway.socket.stream-ring", refusedKey("ben.gateway.socket.stream-ring = 0"));
    assertEquals(
        "ben.gateway.socket.testbench-max-event-bytes",
        refusedKey("ben.gateway.socket { max-frame-bytes = 1k, testbench-max-event-bytes = 2k }"));
    for (String notAnOrigin :
        new String[] {"bux.example.com", "https://bux.example.com/app", "ftp://x", "*"}) {
      SettingsException e = refused("ben.gateway.allowed-origins = [\"" + notAnOrigin + "\"]");
      assertEquals("ben.gateway.allowed-origins", e.key());
      assertTrue(e.getMessage().contains(notAnOrigin), e.getMessage());
    }
  }
}
