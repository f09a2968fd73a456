package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownKeysTest {

  private static final UnknownKeys KEYS = UnknownKeys.ofReference();

  private static Config over(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  @Test
  void aMisspeltKeyInAFileIsRefusedWithItsFileLineAndTheNearestKnownKey(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("node.conf"), "# one change\nben.ingest.prot = 1\n");
    Config config =
        ConfigFactory.parseFile(file.toFile()).withFallback(ConfigFactory.defaultReference());

    SettingsException e = assertThrows(SettingsException.class, () -> KEYS.check(config));

    assertEquals("ben.ingest.prot", e.key());
    assertEquals(
        "invalid setting `ben.ingest.prot`: not a Ben setting (set at "
            + file
            + ":2), did you mean `ben.ingest.port`?",
        e.getMessage());
  }

  @Test
  void knownKeysAndTheDefaultsAreAccepted() {
    assertDoesNotThrow(() -> KEYS.check(over("")));
    assertDoesNotThrow(
        () ->
            KEYS.check(
                over(
                    "ben.ingest.socket.port = 0\n"
                        + "ben.connectors.nats.url = \"nats://h:4222\"\n"
                        + "ben.node.roles = [edge]")));
  }

  @Test
  void nestedUnknownKeysAreRefusedEvenUnderAnUnknownSubtree() {
    SettingsException socket =
        assertThrows(
            SettingsException.class, () -> KEYS.check(over("ben.ingest.sockets.port = 1")));
    assertEquals("ben.ingest.sockets.port", socket.key());
    assertTrue(
        socket.getMessage().contains("did you mean `ben.ingest.socket.port`?"),
        socket.getMessage());

    SettingsException subtree =
        assertThrows(
            SettingsException.class,
            () -> KEYS.check(over("ben.nonsense { alpha = 1, beta { gamma = 2 } }")));
    assertEquals("ben.nonsense.alpha", subtree.key());
    assertTrue(
        subtree.getMessage().contains("`ben.nonsense.beta.gamma` not a Ben setting"),
        subtree.getMessage());
  }

  @Test
  void aKeyBelowAValueIsUnknownToo() {
    assertEquals(
        "ben.ingest.port.number",
        assertThrows(SettingsException.class, () -> KEYS.check(over("ben.ingest.port.number = 1")))
            .key());
  }

  @Test
  void noHintWhenNothingIsClose() {
    assertEquals(Optional.empty(), KEYS.nearest("ben.completely-different"));
    assertEquals(Optional.of("ben.gateway.keep-alive"), KEYS.nearest("ben.gateway.keepalive"));
  }

  @Test
  void aMisspeltSystemPropertyIsRefused() {
    System.setProperty("ben.gateway.prot", "1");
    ConfigFactory.invalidateCaches();
    try {
      SettingsException e =
          assertThrows(
              SettingsException.class, () -> UnknownKeys.ofReference().check(ConfigFactory.load()));
      assertEquals(
          "invalid setting `ben.gateway.prot`: not a Ben setting (set at system properties), did"
              + " you mean `ben.gateway.port`?",
          e.getMessage());
    } finally {
      System.clearProperty("ben.gateway.prot");
      ConfigFactory.invalidateCaches();
    }
  }

  @Test
  void benSettingsRefuseUnknownKeys() {
    assertEquals(
        "ben.ledger.activation-timout",
        assertThrows(
                SettingsException.class,
                () -> BenSettings.fromConfig(over("ben.ledger.activation-timout = 5s")))
            .key());
  }
}
