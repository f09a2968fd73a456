package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class ScreenSettingsTest {

  private static Config config(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  @Test
  void defaultsScreenNamesUpTo256CharactersWithAHundredResultsAndSixteenVersions() {
    assertEquals(new ScreenSettings(256, 100, 16), ScreenSettings.fromConfig(config("")));
  }

  @Test
  void tunedValuesAreRead() {
    assertEquals(
        new ScreenSettings(40, 5, 2),
        ScreenSettings.fromConfig(
            config("ben.screen { max-name-length = 40, max-results = 5, cached-versions = 2 }")));
  }

  @Test
  void zeroAndOversizedBoundsAreRefusedByKey() {
    SettingsException zero =
        assertThrows(
            SettingsException.class,
            () -> ScreenSettings.fromConfig(config("ben.screen.cached-versions = 0")));
    assertTrue(zero.getMessage().contains("ben.screen.cached-versions"), zero.getMessage());
    SettingsException huge =
        assertThrows(
            SettingsException.class,
            () -> ScreenSettings.fromConfig(config("ben.screen.max-results = 1000000")));
    assertTrue(huge.getMessage().contains("ben.screen.max-results"), huge.getMessage());
    assertTrue(huge.getMessage().contains("must not exceed"), huge.getMessage());
  }

  @Test
  void isPartOfTheNodeSettings() {
    assertEquals(
        7, BenSettings.fromConfig(config("ben.screen.max-results = 7")).screen().maxResults());
  }
}
