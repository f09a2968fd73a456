package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrchestratorSettingsTest {

  private static String refusedKey(String overrides) {
    return assertThrows(
            SettingsException.class,
            () -> OrchestratorSettings.fromConfig(ReferenceConfig.with(overrides)))
        .key();
  }

  @Test
  void defaultsSayHelloEveryTwoSeconds() {
    assertEquals(
        new OrchestratorSettings(
            Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(10)),
        BenSettings.fromConfig(ReferenceConfig.with("")).orchestrator());
  }

  @Test
  void overridesAreRead() {
    assertEquals(
        new OrchestratorSettings(
            Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(1)),
        OrchestratorSettings.fromConfig(
            ReferenceConfig.with(
                "ben.orchestrator { hello-interval = 500ms, presence-retention = 30s,"
                    + " failure-memory = 1m }")));
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals(
        "ben.orchestrator.hello-interval", refusedKey("ben.orchestrator.hello-interval = 0s"));
    assertEquals(
        "ben.orchestrator.failure-memory", refusedKey("ben.orchestrator.failure-memory = never"));
    assertEquals(
        "ben.orchestrator.presence-retention",
        refusedKey("ben.orchestrator.presence-retention = -1m"));
  }

  @Test
  void hellosMustOutliveTheirInterval() {
    assertEquals(
        "ben.orchestrator.presence-retention",
        refusedKey("ben.orchestrator { hello-interval = 10s, presence-retention = 10s }"));
  }
}
