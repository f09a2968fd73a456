package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {

  private static NodeSettings settings(String overrides) {
    return NodeSettings.fromConfig(
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve());
  }

  @Test
  void aNodeHasThirtySecondsToStartByDefault() {
    assertEquals(Duration.ofSeconds(30), settings("").startupTimeout());
  }

  @Test
  void theStartupTimeoutCanBeChanged() {
    assertEquals(Duration.ofMinutes(2), settings("ben.node.startup-timeout = 2m").startupTimeout());
  }

  @Test
  void aStartupTimeoutThatIsNotAPositiveDurationIsRefused() {
    assertEquals(
        "ben.node.startup-timeout",
        assertThrows(SettingsException.class, () -> settings("ben.node.startup-timeout = 0s"))
            .key());
    assertEquals(
        "ben.node.startup-timeout",
        assertThrows(SettingsException.class, () -> settings("ben.node.startup-timeout = later"))
            .key());
  }

  @Test
  void embeddedDefaultsMayShareAClusterOnlyWhenATestSaysSo() {
    assertFalse(settings("").allowEmbeddedInClusterForTests());
    assertTrue(
        settings("ben.node.allow-embedded-in-cluster-for-tests = true")
            .allowEmbeddedInClusterForTests());
    assertEquals(
        "ben.node.allow-embedded-in-cluster-for-tests",
        assertThrows(
                SettingsException.class,
                () -> settings("ben.node.allow-embedded-in-cluster-for-tests = maybe"))
            .key());
  }
}
