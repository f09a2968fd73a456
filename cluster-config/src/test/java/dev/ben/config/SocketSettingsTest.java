package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SocketSettingsTest {

  private static String refusedKey(String overrides) {
    return assertThrows(
            SettingsException.class,
            () -> SocketSettings.fromConfig(ReferenceConfig.with(overrides)))
        .key();
  }

  @Test
  void defaultsListenOnLoopback7071WithOneMebibyteFrames() {
    SocketSettings socket = BenSettings.fromConfig(ReferenceConfig.with("")).ingest().socket();
    assertEquals(new Endpoint("127.0.0.1", 7071), socket.endpoint());
    assertEquals(1024 * 1024, socket.maxFrameBytes());
    assertEquals(256, socket.maxSessions());
    assertEquals(Duration.ofSeconds(60), socket.idleTimeout());
    assertEquals(256, socket.signalBuffer());
    assertEquals(Duration.ofSeconds(10), socket.helloTimeout());
    assertEquals(256, socket.maxPendingSessions());
    assertEquals(256, socket.maxSessionsPerPeer());
    assertEquals(32, socket.maxPendingPerPeer());
  }

  @Test
  void overridesAreRead() {
    SocketSettings socket =
        SocketSettings.fromConfig(
            ReferenceConfig.with(
                """
        ben.ingest.socket { host = "0.0.0.0", port = 0, max-frame-bytes = 64k, max-sessions = 3,
          idle-timeout = 5s, signal-buffer = 8, hello-timeout = 2s, max-pending-sessions = 5,
          max-sessions-per-peer = 4, max-pending-per-peer = 2 }
        """));
    assertEquals(
        new SocketSettings(
            new Endpoint("0.0.0.0", 0),
            65536,
            3,
            Duration.ofSeconds(5),
            8,
            Duration.ofSeconds(2),
            5,
            4,
            2),
        socket);
  }

  @Test
  void outOfRangeValuesAreRefusedWithTheirKey() {
    assertEquals(
        "ben.ingest.socket.max-frame-bytes", refusedKey("ben.ingest.socket.max-frame-bytes = 100"));
    assertEquals(
        "ben.ingest.socket.max-frame-bytes", refusedKey("ben.ingest.socket.max-frame-bytes = 1g"));
    assertEquals(
        "ben.ingest.socket.max-sessions", refusedKey("ben.ingest.socket.max-sessions = 0"));
    assertEquals(
        "ben.ingest.socket.max-sessions", refusedKey("ben.ingest.socket.max-sessions = 5000"));
    assertEquals("ben.ingest.socket.port", refusedKey("ben.ingest.socket.port = 70000"));
    assertEquals(
        "ben.ingest.socket.idle-timeout", refusedKey("ben.ingest.socket.idle-timeout = 0s"));
    assertEquals(
        "ben.ingest.socket.signal-buffer", refusedKey("ben.ingest.socket.signal-buffer = -1"));
    assertEquals(
        "ben.ingest.socket.hello-timeout", refusedKey("ben.ingest.socket.hello-timeout = 0s"));
    assertEquals(
        "ben.ingest.socket.max-pending-sessions",
        refusedKey("ben.ingest.socket.max-pending-sessions = 0"));
    assertEquals(
        "ben.ingest.socket.max-pending-per-peer",
        refusedKey("ben.ingest.socket { max-sessions-per-peer = 4, max-pending-per-peer = 5 }"));
  }

  @Test
  void theIdleTimeoutMustOutlastABatchWaitingForTheDirectoryAndAFullPipeline() {
    String waits = "ben.ingest.offer-timeout = 2s\nben.ingest.socket.idle-timeout = 6s\n";
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () ->
                BenSettings.fromConfig(ReferenceConfig.with(waits + "ben.node.ask-timeout = 5s")));
    assertEquals("ben.ingest.socket.idle-timeout", e.key());
    assertTrue(e.getMessage().contains("ben.node.ask-timeout (5000 ms)"), e.getMessage());
    assertEquals(
        Duration.ofSeconds(6),
        BenSettings.fromConfig(ReferenceConfig.with(waits + "ben.node.ask-timeout = 3s"))
            .ingest()
            .socket()
            .idleTimeout());
  }
}
