package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

  private static IngestSettings settings(String overrides) {
    Config config =
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    return IngestSettings.fromConfig(config, Duration.ofSeconds(1));
  }

  @Test
  void noProxyIsTrustedByDefault() {
    assertEquals(List.of(), settings("").trustedProxies());
  }

  @Test
  void trustedProxiesAreBlocksOrSingleAddressesAsAListOrCommaSeparated() throws Exception {
    IngestSettings s = settings("ben.ingest.trusted-proxies = \"10.0.0.0/8, 192.168.1.7, ::1\"");
    assertEquals(3, s.trustedProxies().size());
    assertTrue(s.trustedProxies().get(0).contains(InetAddress.getByName("10.200.3.4")));
    assertFalse(s.trustedProxies().get(0).contains(InetAddress.getByName("11.0.0.1")));
    assertTrue(s.trustedProxies().get(1).contains(InetAddress.getByName("192.168.1.7")));
    assertFalse(s.trustedProxies().get(1).contains(InetAddress.getByName("192.168.1.8")));
    assertTrue(s.trustedProxies().get(2).contains(InetAddress.getByName("::1")));
    assertFalse(s.trustedProxies().get(2).contains(InetAddress.getByName("127.0.0.1")));
    assertEquals(
        1, settings("ben.ingest.trusted-proxies = [\"fd00::/8\"]").trustedProxies().size());
  }

  @Test
  void whatIsNoBlockIsRefusedWithTheKey() {
    for (String bad : new String[] {"proxy.example", "10.0.0.0/33", "10.0.0.0/x", "1.2.3.4/8/8"}) {
      SettingsException refused =
          assertThrows(
              SettingsException.class,
              () -> settings("ben.ingest.trusted-proxies = [\"" + bad + "\"]"));
      assertEquals("ben.ingest.trusted-proxies", refused.key(), bad);
      assertTrue(refused.getMessage().contains(bad), refused.getMessage());
    }
    assertEquals(Optional.empty(), Cidr.parse(""));
  }

  @Test
  void invocationsQueueInAThousandPlacesUnlessToldAndNeverInNone() {
    assertEquals(1024, settings("").invokeQueue());
    assertEquals(64, settings("ben.ingest.invoke-queue = 64").invokeQueue());
    SettingsException refused =
        assertThrows(SettingsException.class, () -> settings("ben.ingest.invoke-queue = 0"));
    assertEquals("ben.ingest.invoke-queue", refused.key());
  }
}
