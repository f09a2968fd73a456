package dev.ben.bux;

import com.typesafe.config.ConfigFactory;
import dev.ben.config.GatewaySettings;
import java.time.Duration;

/**
 * Gateway settings for tests, read the way a node reads them (the reference configuration under the
 * test's values), so every setting the gateway gains has its default here too.
 */
final class TestGatewaySettings {

  private TestGatewaySettings() {}

  /** Counters each second, a keep-alive at {@code keepAlive}, 16 messages of client buffer. */
  static GatewaySettings withKeepAlive(Duration keepAlive) {
    return GatewaySettings.fromConfig(
        ConfigFactory.parseString(
                "ben.gateway { host = \"127.0.0.1\", port = 0, client-buffer = 16,"
                    + " counters-interval = 1s, keep-alive = "
                    + keepAlive.toMillis()
                    + "ms }")
            .withFallback(ConfigFactory.defaultReference())
            .resolve());
  }
}
