package dev.ben.config;

import com.typesafe.config.Config;
import dev.ben.contracts.bundle.BundleReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Bounds and names of the ledger, the durable registry of intent: how large a bundle or an event
 * may be, where it lives in NATS when NATS is configured (a KV bucket and an Object Store), how
 * long an activation waits for acknowledgements, which public keys it trusts to sign bundles, and
 * how patiently it talks to the orchestrator while a deploy is placed.
 */
public record LedgerSettings(
    long maxBundleBytes,
    int maxEventBytes,
    String kvBucket,
    String objectBucket,
    Duration activationTimeout,
    List<Path> trustedKeys,
    Duration orchestratorAskTimeout,
    Duration placementRetryInterval,
    int placementAttempts) {

  public LedgerSettings {
    trustedKeys = List.copyOf(trustedKeys);
  }

  /** The largest event the ledger can be configured to take. */
  public static final int MAX_EVENT_BYTES = 1024 * 1024;

  /** What JetStream accepts as a KV bucket or Object Store name. */
  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public static LedgerSettings fromConfig(Config root) {
    ConfigReader reader = new ConfigReader(root, "ben.ledger");
    String kv = bucket(reader, "kv-bucket");
    String objects = bucket(reader, "object-bucket");
    long maxBundle = reader.positiveBytes("max-bundle-bytes");
    if (maxBundle > BundleReader.MAX_BUNDLE_BYTES) {
      throw reader.invalid(
          "max-bundle-bytes",
          "must not exceed "
              + BundleReader.MAX_BUNDLE_BYTES
              + ", the largest bundle Ben reads at all, got "
              + maxBundle);
    }
    long maxEvent = reader.positiveBytes("max-event-bytes");
    if (maxEvent > MAX_EVENT_BYTES) {
      // Events travel as single NATS messages, whose payload the server caps at 1 MiB by default.
      throw reader.invalid(
          "max-event-bytes", "must not exceed " + MAX_EVENT_BYTES + ", got " + maxEvent);
    }
    return new LedgerSettings(
        maxBundle,
        (int) maxEvent,
        kv,
        objects,
        reader.positiveDuration("activation-timeout"),
        reader.stringList("trusted-keys").stream().map(Path::of).toList(),
        reader.positiveDuration("orchestrator-ask-timeout"),
        reader.positiveDuration("placement-retry-interval"),
        reader.positiveInt("placement-attempts"));
  }

  /** A JetStream KV bucket or Object Store name read from {@code key}. */
  static String bucket(ConfigReader reader, String key) {
    String value = reader.string(key);
    if (!BUCKET.matcher(value).matches()) {
      throw reader.invalid(
          key, "`" + value + "` is not a JetStream bucket name (1-64 letters, digits, _ and -)");
    }
    return value;
  }
}
