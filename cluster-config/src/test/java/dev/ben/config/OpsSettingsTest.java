package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OpsSettingsTest {

  private static OpsSettings settings(String overrides) {
    return OpsSettings.fromConfig(ReferenceConfig.with(overrides));
  }

  @Test
  void byDefaultTheOpsEndpointListensOnLoopbackPort8081() {
    assertEquals(new OpsSettings(new Endpoint("127.0.0.1", 8081)), settings(""));
  }

  @Test
  void hostAndPortAreRead() {
    assertEquals(
        new OpsSettings(new Endpoint("10.0.0.2", 0)),
        settings("ben.ops { host = \"10.0.0.2\", port = 0 }"));
  }

  @Test
  void aBlankHostOrABadPortIsRefused() {
    assertEquals(
        "ben.ops.host",
        assertThrows(SettingsException.class, () -> settings("ben.ops.host = \"\"")).key());
    assertEquals(
        "ben.ops.port",
        assertThrows(SettingsException.class, () -> settings("ben.ops.port = 70000")).key());
  }
}
