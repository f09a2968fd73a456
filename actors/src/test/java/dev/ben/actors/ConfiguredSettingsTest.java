package dev.ben.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ben.actors.testing.ActorTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfiguredSettingsTest extends ActorTestBase {

  ConfiguredSettingsTest() {
    super("ben.node.ask-timeout = 7s\nben.orchestrator.hello-interval = 300ms");
  }

  @Test
  void theSettingsAreTheSystemsConfigurationReadOnce() {
    assertEquals(
        Duration.ofSeconds(7), ConfiguredSettings.of(testKit.system()).node().askTimeout());
    assertEquals(
        Duration.ofMillis(300),
        ConfiguredSettings.of(testKit.system()).orchestrator().helloInterval());
    assertSame(ConfiguredSettings.of(testKit.system()), ConfiguredSettings.of(testKit.system()));
  }
}
