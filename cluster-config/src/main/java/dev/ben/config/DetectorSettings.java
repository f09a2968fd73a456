package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How detector state is spread and fed: each pipeline's keyed state is split into {@code shards}
 * Cluster Sharding entities (placed on members with the detector role); the detector stage sends
 * the events that arrived while its last round was out (up to {@code batchSize}) as one message per
 * shard, with up to {@code roundsInFlight} rounds out at once; a shard whose member has not loaded
 * the event's contract version yet is asked again every {@code loadRetryDelay}, at most {@code
 * loadRetries} times. A shard whose round has candidate firings asks each playbook's cluster-wide
 * budget, waiting at most {@code budgetTimeout} (shorter than {@code askTimeout}, which covers the
 * whole round), and holds back at most {@code stashCapacity} further rounds meanwhile.
 */
public record DetectorSettings(
    int shards,
    int batchSize,
    int roundsInFlight,
    Duration askTimeout,
    int loadRetries,
    Duration loadRetryDelay,
    Duration budgetTimeout,
    int stashCapacity) {

  /** Reads {@code ben.detector}. */
  public static DetectorSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.detector");
    int shards = reader.positiveInt("shards");
    if (shards > 1024) {
      throw reader.invalid("shards", "at most 1024 shards per pipeline, got " + shards);
    }
    Duration askTimeout = reader.positiveDuration("ask-timeout");
    Duration budgetTimeout = reader.positiveDuration("budget-timeout");
    if (budgetTimeout.compareTo(askTimeout) >= 0) {
      throw reader.invalid(
          "budget-timeout",
          "must be shorter than ben.detector.ask-timeout ("
              + askTimeout
              + "), which covers the whole round, got "
              + budgetTimeout);
    }
    return new DetectorSettings(
        shards,
        reader.positiveInt("batch-size"),
        reader.positiveInt("rounds-in-flight"),
        askTimeout,
        reader.positiveInt("load-retries"),
        reader.positiveDuration("load-retry-delay"),
        budgetTimeout,
        reader.positiveInt("stash-capacity"));
  }
}
