package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The rhythm of presence: how often components say hello to the orchestrator (it considers one gone
 * after three missed hellos), how long a hello may wait in the NATS presence stream for an
 * orchestrator to read it, and how long a reported failure stays on a component's record.
 */
public record OrchestratorSettings(
    Duration helloInterval, Duration presenceRetention, Duration failureMemory) {

  /** Reads {@code ben.orchestrator}. */
  public static OrchestratorSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.orchestrator");
    Duration hello = reader.positiveDuration("hello-interval");
    Duration retention = reader.positiveDuration("presence-retention");
    if (retention.compareTo(hello) <= 0) {
      // A hello must outlive the interval, or an orchestrator reading a moment late misses them
      // all.
      throw reader.invalid(
          "presence-retention",
          "must be longer than hello-interval ("
              + hello.toMillis()
              + " ms), got "
              + retention.toMillis()
              + " ms");
    }
    return new OrchestratorSettings(hello, retention, reader.positiveDuration("failure-memory"));
  }
}
