package dev.ben.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** The reference configuration with a test's overrides laid over it, resolved. */
final class ReferenceConfig {

  private ReferenceConfig() {}

  static Config with(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }
}
