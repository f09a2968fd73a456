package dev.ben.config;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How people authenticate to the control API (how long a token is accepted, how much clock
 * disagreement between nodes is forgiven, where the first administrator's password is written, the
 * KV bucket holding users when NATS is configured) and how apps' keys are checked at ingest (how
 * long, and how many, looked-up apps a node remembers).
 */
public record AuthSettings(
    Duration tokenTtl,
    Duration clockLeeway,
    Path initialAdminFile,
    String kvBucket,
    Duration appCacheTtl,
    int appCacheSize,
    Duration userCacheTtl) {

  /** "Small": beyond this, leeway would quietly extend every token's life. */
  public static final Duration MAX_CLOCK_LEEWAY = Duration.ofMinutes(5);

  /** Beyond this a revoked key would stay usable for too long after `benctl apps revoke`. */
  public static final Duration MAX_APP_CACHE_TTL = Duration.ofMinutes(5);

  /** Beyond this a deleted user's token would stay usable for too long after `benctl users`. */
  public static final Duration MAX_USER_CACHE_TTL = Duration.ofMinutes(5);

  /** Reads {@code ben.auth}; an empty admin file means {@code initial-admin-password} in home. */
  public static AuthSettings fromConfig(Config root, Path home) {
    ConfigReader reader = new ConfigReader(root, "ben.auth");
    Duration ttl = reader.positiveDuration("token-ttl");
    Duration leeway = reader.nonNegativeDuration("clock-leeway");
    if (leeway.compareTo(MAX_CLOCK_LEEWAY) > 0) {
      throw reader.invalid(
          "clock-leeway", "must not exceed " + MAX_CLOCK_LEEWAY.toMinutes() + "m, got " + leeway);
    }
    String file = reader.string("initial-admin-file");
    Duration appCacheTtl = reader.positiveDuration("app-cache-ttl");
    if (appCacheTtl.compareTo(MAX_APP_CACHE_TTL) > 0) {
      throw reader.invalid(
          "app-cache-ttl",
          "must not exceed " + MAX_APP_CACHE_TTL.toMinutes() + "m, got " + appCacheTtl);
    }
    Duration userCacheTtl = reader.positiveDuration("user-cache-ttl");
    if (userCacheTtl.compareTo(MAX_USER_CACHE_TTL) > 0) {
      throw reader.invalid(
          "user-cache-ttl",
          "must not exceed " + MAX_USER_CACHE_TTL.toMinutes() + "m, got " + userCacheTtl);
    }
    return new AuthSettings(
        ttl,
        leeway,
        file.isBlank() ? home.resolve("initial-admin-password") : Path.of(file),
        LedgerSettings.bucket(reader, "kv-bucket"),
        appCacheTtl,
        reader.positiveInt("app-cache-size"),
        userCacheTtl);
  }
}
