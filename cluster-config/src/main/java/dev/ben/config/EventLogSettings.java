package dev.ben.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Bounds and names of the event log: how long a consumer's claim on an event lasts, how large an
 * event's parts may be, how many events one call returns, and where the log lives in NATS when NATS
 * is configured (a JetStream stream for the events, a KV bucket for consumer statuses), and how
 * Ben's own components hand it their events: through a queue of {@code emitQueue} drafts, each
 * retried while the log is unavailable for at most {@code emitRetry}, pausing {@code
 * emitMinBackoff} at first and doubling up to {@code emitMaxBackoff}; and how often a playbook
 * suppressed again for the same signal arguments is recorded (once per {@code suppressionInterval},
 * over at most {@code suppressionKeys} such keys at a time).
 */
public record EventLogSettings(
    Duration lease,
    Duration maxLease,
    int maxDataBytes,
    int maxEntryChars,
    int maxSubjectChars,
    int maxSchemaBytes,
    int maxBatch,
    String stream,
    String subject,
    String kvBucket,
    int emitQueue,
    Duration emitRetry,
    Duration emitMinBackoff,
    Duration emitMaxBackoff,
    Duration suppressionInterval,
    int suppressionKeys) {

  /** Events travel as single NATS messages, whose payload the server caps at 1 MiB by default. */
  public static final int MAX_DATA_BYTES = 512 * 1024;

  /** Dot-separated subject tokens without wildcards. */
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

  public static EventLogSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.eventlog");
    Duration lease = reader.positiveDuration("lease");
    Duration maxLease = reader.positiveDuration("max-lease");
    if (maxLease.compareTo(lease) < 0) {
      throw reader.invalid("max-lease", "must be at least the lease (" + lease + ")");
    }
    long maxData = reader.positiveBytes("max-data-bytes");
    if (maxData > MAX_DATA_BYTES) {
      throw reader.invalid(
          "max-data-bytes", "must not exceed " + MAX_DATA_BYTES + ", got " + maxData);
    }
    long maxSchema = reader.positiveBytes("max-schema-bytes");
    if (maxSchema > MAX_DATA_BYTES) {
      throw reader.invalid(
          "max-schema-bytes", "must not exceed " + MAX_DATA_BYTES + ", got " + maxSchema);
    }
    String subject = reader.string("subject");
    if (!SUBJECT.matcher(subject).matches()) {
      throw reader.invalid(
          "subject",
          "`"
              + subject
              + "` is not a NATS subject prefix (dot-separated letters, digits, _ and -)");
    }
    Duration minBackoff = reader.positiveDuration("emit-min-backoff");
    Duration maxBackoff = reader.positiveDuration("emit-max-backoff");
    if (maxBackoff.compareTo(minBackoff) < 0) {
      throw reader.invalid(
          "emit-max-backoff", "must be at least emit-min-backoff (" + minBackoff + ")");
    }
    return new EventLogSettings(
        lease,
        maxLease,
        (int) maxData,
        reader.positiveInt("max-entry-chars"),
        reader.positiveInt("max-subject-chars"),
        (int) maxSchema,
        reader.positiveInt("max-batch"),
        LedgerSettings.bucket(reader, "stream"),
        subject,
        LedgerSettings.bucket(reader, "kv-bucket"),
        reader.positiveInt("emit-queue"),
        reader.positiveDuration("emit-retry"),
        minBackoff,
        maxBackoff,
        reader.positiveDuration("suppression-interval"),
        reader.positiveInt("suppression-keys"));
  }
}
