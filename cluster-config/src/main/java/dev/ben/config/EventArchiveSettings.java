package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The event log's history in the analytical store: whether the cluster copies every event there
 * ({@code enabled}), and how long the copier waits after catching up before it looks for new events
 * ({@code interval}); behind, it copies page after page without waiting.
 */
public record EventArchiveSettings(boolean enabled, Duration interval) {

  public static EventArchiveSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.eventlog.archive");
    return new EventArchiveSettings(reader.bool("enabled"), reader.positiveDuration("interval"));
  }
}
