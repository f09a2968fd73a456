package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventQuerySettingsTest {

  private static EventQuerySettings settings(String overrides) {
    Config config =
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    return EventQuerySettings.fromConfig(config);
  }

  @Test
  void defaultsBoundEveryQuery() {
    EventQuerySettings s = settings("");
    assertEquals(100_000, s.maxScan());
    assertEquals(12, s.treeMaxDepth());
    assertEquals(200, s.treeMaxNodes());
    assertEquals(Duration.ofSeconds(10), s.timeout());
  }

  @Test
  void operatorsTuneThem() {
    EventQuerySettings s =
        settings("ben.eventlog.queries { max-scan = 50, tree-max-depth = 3, timeout = 2s }");
    assertEquals(50, s.maxScan());
    assertEquals(3, s.treeMaxDepth());
    assertEquals(Duration.ofSeconds(2), s.timeout());
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals(
        "ben.eventlog.queries.max-scan",
        assertThrows(SettingsException.class, () -> settings("ben.eventlog.queries.max-scan = 0"))
            .key());
    assertEquals(
        "ben.eventlog.queries.tree-max-nodes",
        assertThrows(
                SettingsException.class, () -> settings("ben.eventlog.queries.tree-max-nodes = -1"))
            .key());
    assertEquals(
        "ben.eventlog.queries.timeout",
        assertThrows(SettingsException.class, () -> settings("ben.eventlog.queries.timeout = 0s"))
            .key());
  }
}
