package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {

  private static final Path HOME = Path.of("/var/lib/ben");

  private static AuthSettings settings(String overrides) {
    Config config =
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    return AuthSettings.fromConfig(config, HOME);
  }

  private static SettingsException refused(String overrides) {
    return assertThrows(SettingsException.class, () -> settings(overrides));
  }

  @Test
  void defaultsAreHalfADayWithSmallLeewayAndTheFileUnderHome() {
    AuthSettings s = settings("");
    assertEquals(Duration.ofHours(12), s.tokenTtl());
    assertEquals(Duration.ofSeconds(30), s.clockLeeway());
    assertEquals(HOME.resolve("initial-admin-password"), s.initialAdminFile());
    assertEquals("ben-identities", s.kvBucket());
    assertEquals(Duration.ofSeconds(10), s.appCacheTtl());
    assertEquals(10_000, s.appCacheSize());
    assertEquals(Duration.ofSeconds(10), s.userCacheTtl());
  }

  @Test
  void everyKeyCanBeSet() {
    AuthSettings s =
        settings(
            "ben.auth { token-ttl = 1h, clock-leeway = 0s, initial-admin-file = \"/run/admin\","
                + " kv-bucket = \"test-identities\", app-cache-ttl = 50ms, app-cache-size = 3,"
                + " user-cache-ttl = 20ms }");
    assertEquals(Duration.ofHours(1), s.tokenTtl());
    assertEquals(Duration.ZERO, s.clockLeeway());
    assertEquals(Path.of("/run/admin"), s.initialAdminFile());
    assertEquals("test-identities", s.kvBucket());
    assertEquals(Duration.ofMillis(50), s.appCacheTtl());
    assertEquals(3, s.appCacheSize());
    assertEquals(Duration.ofMillis(20), s.userCacheTtl());
  }

  @Test
  void isPartOfTheNodeSettings() {
    BenSettings all =
        BenSettings.fromConfig(
            ConfigFactory.parseString("ben.home = \"/srv/ben\", ben.auth.token-ttl = 2h")
                .withFallback(ConfigFactory.defaultReference())
                .resolve());
    assertEquals(Duration.ofHours(2), all.auth().tokenTtl());
    assertEquals(Path.of("/srv/ben/initial-admin-password"), all.auth().initialAdminFile());
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertEquals("ben.auth.token-ttl", refused("ben.auth.token-ttl = 0s").key());
    assertEquals("ben.auth.token-ttl", refused("ben.auth.token-ttl = forever").key());
    assertEquals("ben.auth.clock-leeway", refused("ben.auth.clock-leeway = -1s").key());
    SettingsException wide = refused("ben.auth.clock-leeway = 1h");
    assertEquals("ben.auth.clock-leeway", wide.key());
    assertTrue(wide.getMessage().contains("5m"), wide.getMessage());
    assertEquals("ben.auth.kv-bucket", refused("ben.auth.kv-bucket = \"a.b\"").key());
    assertEquals("ben.auth.app-cache-ttl", refused("ben.auth.app-cache-ttl = 0s").key());
    SettingsException tooLong = refused("ben.auth.app-cache-ttl = 1h");
    assertEquals("ben.auth.app-cache-ttl", tooLong.key());
    assertTrue(tooLong.getMessage().contains("5m"), tooLong.getMessage());
    assertEquals("ben.auth.app-cache-size", refused("ben.auth.app-cache-size = 0").key());
    assertEquals("ben.auth.user-cache-ttl", refused("ben.auth.user-cache-ttl = 0s").key());
    assertEquals("ben.auth.user-cache-ttl", refused("ben.auth.user-cache-ttl = 1h").key());
  }
}
