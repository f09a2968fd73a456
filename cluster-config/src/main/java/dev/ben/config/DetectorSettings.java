package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Locale;

/**
 * How detector state is spread and fed: each pipeline's keyed state is split into {@code shards}
 * Cluster Sharding entities (placed on members with the detector role); the detector stage sends
 * the events that arrived while its last round was out (up to {@code batchSize}) as one message per
 * shard, with up to {@code roundsInFlight} rounds out at once; a shard whose member has not loaded
 * the event's contract version yet is asked again every {@code loadRetryDelay}, at most {@code
 * loadRetries} times. A shard whose round has candidate firings asks each playbook's cluster-wide
 * budget, waiting at most {@code budgetTimeout} (shorter than {@code askTimeout}, which covers the
 * whole round), and holds back at most {@code stashCapacity} further rounds meanwhile. Each shard
 * snapshots its state every {@code snapshotEveryEvents} events or {@code snapshotInterval},
 * whichever first, each detector's snapshot bounded by {@code snapshotMaxBytes}, in the KV bucket
 * {@code snapshotKvBucket} when NATS is configured. Windows, TTLs and cooldowns run on {@code
 * clock}.
 */
public record DetectorSettings(
    int shards,
    int batchSize,
    int roundsInFlight,
    Duration askTimeout,
    int loadRetries,
    Duration loadRetryDelay,
    Duration budgetTimeout,
    int stashCapacity,
    int snapshotEveryEvents,
    Duration snapshotInterval,
    int snapshotMaxBytes,
    String snapshotKvBucket,
    Clock clock) {

  /** The time detectors see for an event. */
  public enum Clock {
    /** The node's wall clock when the event reaches the detector stage: clients cannot move it. */
    WALL,
    /**
     * The event's own time (its schema's first timestamp field; the wall clock when it has none),
     * so a replay or a backtest slides windows as the events did; a sender decides how fast they
     * age.
     */
    EVENT
  }

  /** Snapshots larger than this are refused as settings: no store takes such values whole. */
  public static final long MAX_SNAPSHOT_BYTES = 64L << 20;

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
    long snapshotMaxBytes = reader.positiveBytes("snapshot-max-bytes");
    if (snapshotMaxBytes > MAX_SNAPSHOT_BYTES || snapshotMaxBytes < 1024) {
      throw reader.invalid(
          "snapshot-max-bytes", "must be between 1k and 64m, got " + snapshotMaxBytes + " bytes");
    }
    String bucket = reader.string("snapshot-kv-bucket");
    if (!bucket.matches("[A-Za-z0-9_-]+")) {
      throw reader.invalid(
          "snapshot-kv-bucket",
          "must be letters, digits, _ and - (a KV bucket name), got " + bucket);
    }
    String clock = reader.string("clock");
    Clock source =
        switch (clock.trim().toLowerCase(Locale.ROOT)) {
          case "wall" -> Clock.WALL;
          case "event" -> Clock.EVENT;
          default ->
              throw reader.invalid("clock", "must be `wall` or `event`, got `" + clock + "`");
        };
    return new DetectorSettings(
        shards,
        reader.positiveInt("batch-size"),
        reader.positiveInt("rounds-in-flight"),
        askTimeout,
        reader.positiveInt("load-retries"),
        reader.positiveDuration("load-retry-delay"),
        budgetTimeout,
        reader.positiveInt("stash-capacity"),
        reader.positiveInt("snapshot-every-events"),
        reader.positiveDuration("snapshot-interval"),
        (int) snapshotMaxBytes,
        bucket,
        source);
  }
}
