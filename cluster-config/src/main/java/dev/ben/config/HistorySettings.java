package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The bounded, in-memory metrics history every node keeps and the gateway serves cluster-wide
 * ({@code /api/v1/metrics/history}): a point every {@code interval}, at most {@code points} of them
 * per node, at most {@code maxSeries} series in one point, and how long the gateway waits for each
 * node's points ({@code askTimeout}) before it answers without them.
 */
public record HistorySettings(Duration interval, int points, int maxSeries, Duration askTimeout) {

  public static HistorySettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.gateway");
    return new HistorySettings(
        reader.positiveDuration("history-interval"),
        reader.positiveInt("history-points"),
        reader.positiveInt("history-max-series"),
        reader.positiveDuration("history-timeout"));
  }
}
