package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The timings in {@link NodeSettings}; BenSettingsTest covers its roles, address and seeds. */
class NodeTimingsTest {

  private static String refusedKey(String overrides) {
    return assertThrows(
            SettingsException.class, () -> NodeSettings.fromConfig(ReferenceConfig.with(overrides)))
        .key();
  }

  @Test
  void asksWaitFiveSecondsAndHoldersPollEverySecondByDefault() {
    NodeSettings node = BenSettings.fromConfig(ReferenceConfig.with("")).node();
    assertEquals(Duration.ofSeconds(5), node.askTimeout());
    assertEquals(Duration.ofSeconds(1), node.contractPollInterval());
  }

  @Test
  void overridesAreRead() {
    NodeSettings node =
        NodeSettings.fromConfig(
            ReferenceConfig.with("ben.node { ask-timeout = 750ms, contract-poll-interval = 3s }"));
    assertEquals(Duration.ofMillis(750), node.askTimeout());
    assertEquals(Duration.ofSeconds(3), node.contractPollInterval());
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.node.ask-timeout", refusedKey("ben.node.ask-timeout = 0s"));
    assertEquals("ben.node.ask-timeout", refusedKey("ben.node.ask-timeout = soon"));
    assertEquals(
        "ben.node.contract-poll-interval", refusedKey("ben.node.contract-poll-interval = -1s"));
  }
}
