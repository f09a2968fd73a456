package dev.ben.bux;

import com.typesafe.config.ConfigFactory;
import dev.ben.config.GatewaySettings;
import java.time.Duration;

/**
 * Gateway settings for tests, read the way a node reads them (the reference configuration under the
 * test's values), so every setting the gateway gains has its default here too.
 */
final class TestGatewaySettings {

  /** The one origin besides the gateway's own that test gateways allow. */
  static final String ALLOWED_ORIGIN = "https://bux.example.com";

  private TestGatewaySettings() {}

  /**
   * Counters each second, a keep-alive at {@code keepAlive}, 16 messages of client buffer, {@link
   * #ALLOWED_ORIGIN} allowed, and ben_api reads given up after half a second.
   */
  static GatewaySettings withKeepAlive(Duration keepAlive) {
    return with(keepAlive, "");
  }

  /** As {@link #withKeepAlive}, with {@code overrides} (HOCON) laid over. */
  static GatewaySettings with(Duration keepAlive, String overrides) {
    return GatewaySettings.fromConfig(
        ConfigFactory.parseString(overrides)
            .withFallback(
                ConfigFactory.parseString(
                    "ben.gateway { host = \"127.0.0.1\", port = 0, client-buffer = 16,"
                        + " counters-interval = 1s, read-timeout = 500ms, keep-alive = "
                        + keepAlive.toMillis()
                        + "ms, allowed-origins = [\""
                        + ALLOWED_ORIGIN
                        + "\"] }"))
            .withFallback(ConfigFactory.defaultReference())
            .resolve());
  }
}
