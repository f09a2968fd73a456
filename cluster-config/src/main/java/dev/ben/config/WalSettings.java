package dev.ben.config;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The node's ingest write-ahead log (docs/architecture.md, Sidecars) and the ack that waits on it:
 * where the log lives, how many bytes of accepted events it holds at most before new ones are
 * refused, how its trims of settled events are batched, whether its writes reach the disk before an
 * ack, and what an ingest answer waits for ({@code ben.ingest.ack}: the log, or the events' final
 * outcomes, for at most {@code ben.ingest.ack-timeout}).
 */
public record WalSettings(
    boolean enabled,
    Path dir,
    long maxBytes,
    Duration trimInterval,
    int trimBatch,
    boolean sync,
    Ack ack,
    Duration ackTimeout) {

  /** What an ingest answer waits for before it is sent. */
  public enum Ack {
    /** The events are in the node's log (they survive a crash of the node). */
    DURABLE,
    /** The events have reached their final outcome: stored, spilled, refused, shed or routed. */
    STORED
  }

  /**
   * Reads {@code ben.wal} and the ack keys of {@code ben.ingest}; the log defaults to dataDir/wal.
   */
  public static WalSettings fromConfig(Config root, Path dataDir) {
    ConfigReader reader = new ConfigReader(root, "ben.wal");
    String dir = reader.string("dir");
    ConfigReader ingest = new ConfigReader(root, "ben.ingest");
    String ack = ingest.string("ack");
    Ack mode =
        switch (ack.trim().toLowerCase(Locale.ROOT)) {
          case "durable" -> Ack.DURABLE;
          case "stored" -> Ack.STORED;
          default ->
              throw ingest.invalid("ack", "must be `durable` or `stored`, got `" + ack + "`");
        };
    return new WalSettings(
        reader.bool("enabled"),
        dir.isBlank() ? dataDir.resolve("wal") : Path.of(dir),
        reader.positiveBytes("max-bytes"),
        reader.positiveDuration("trim-interval"),
        reader.positiveInt("trim-batch"),
        reader.bool("sync"),
        mode,
        ingest.positiveDuration("ack-timeout"));
  }
}
