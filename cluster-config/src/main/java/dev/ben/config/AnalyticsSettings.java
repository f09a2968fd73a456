package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Web analytics of beacon pipelines, which the gateway serves ({@code /api/v1/analytics} and the
 * websocket's {@code analytics} topic): figures over the last {@code window} of stored events, each
 * ranking (pages, referrers, status codes) cut to its {@code top} entries.
 */
public record AnalyticsSettings(Duration window, int top) {

  public static AnalyticsSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.gateway");
    return new AnalyticsSettings(
        reader.positiveDuration("analytics-window"), reader.positiveInt("analytics-top"));
  }
}
