package dev.ben.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class BacktestSettingsTest {

  private static BacktestSettings settings(String overrides) {
    Config config =
        ConfigFactory.parseString(overrides)
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    return BacktestSettings.fromConfig(config);
  }

  @Test
  void defaultsPageAThousandRowsAndNameFiftyChangedEvents() {
    assertEquals(new BacktestSettings(1000, 50), settings(""));
  }

  @Test
  void tunedValuesAreRead() {
    assertEquals(
        new BacktestSettings(10, 3),
        settings("ben.backtest { page-rows = 10, changed-shown = 3 }"));
  }

  @Test
  void zeroAndOversizedPagesAreRefusedByKey() {
    SettingsException zero =
        assertThrows(SettingsException.class, () -> settings("ben.backtest.page-rows = 0"));
    assertTrue(zero.getMessage().contains("ben.backtest.page-rows"), zero.getMessage());
    SettingsException huge =
        assertThrows(
            SettingsException.class, () -> settings("ben.backtest.changed-shown = 1000000"));
    assertTrue(huge.getMessage().contains("must not exceed"), huge.getMessage());
  }

  @Test
  void isPartOfTheNodeSettings() {
    Config config =
        ConfigFactory.parseString("ben.backtest.page-rows = 7")
            .withFallback(ConfigFactory.defaultReference())
            .resolve();
    assertEquals(7, BenSettings.fromConfig(config).backtest().pageRows());
  }
}
